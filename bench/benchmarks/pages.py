"""The public pages people open most, measured against the 2,000 seeded sessions."""

from bench.runner import Benchmark
from bench.seed import SeedData

LANGUAGES = ["en", "it", "fr", "pt"]


def uncached_list_paths(data: SeedData) -> list[str]:
    """Pages of the upcoming sessions in each language: every one a different entry of the
    list's results cache, so each request renders its results afresh (as the first visit of
    a page after a change does). About 400 of them: enough for the default run."""
    pages = len(data.session_ids) // 20
    return [
        f"/{language}/sessions/?page={page}"
        for language in LANGUAGES
        for page in range(1, pages + 1)
    ]


def benchmarks(data: SeedData) -> list[Benchmark]:
    return [
        Benchmark("programme list", "/en/programmes/"),
        Benchmark(
            "session list (French, one month)",
            f"/en/sessions/?language=fr&month={data.busy_month}",
        ),
        Benchmark("session list (results not cached)", paths=uncached_list_paths(data)),
        Benchmark("session page", f"/en/sessions/{data.session_ids[0]}/"),
        # As most visitors see it: static/js/timezone.js stores their zone on the first visit.
        Benchmark(
            "session page (visitor's time zone)",
            f"/en/sessions/{data.session_ids[0]}/",
            headers={"Cookie": "tz=America/Sao_Paulo"},
        ),
        Benchmark("programme page", f"/en/programmes/{data.programme_slugs[0]}/"),
    ]
