"""The library's pages: browsing (anyone), calls and submissions (signed-in people), review
(coordinators of the call's programme), open-data exports."""
