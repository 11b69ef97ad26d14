/* Progressive enhancement for session times: remember the browser's time zone in the `tz`
   cookie, once. Without JavaScript the form on the session page does the same. */
(function () {
  "use strict";
  var hasCookie = function () { return /(?:^|;\s*)tz=/.test(document.cookie); };
  if (hasCookie()) { return; }
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone || !/^[A-Za-z0-9_+\-\/]+$/.test(zone)) { return; }
  var secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax" + secure;
  // Reload once, only where the page shows a different zone and the cookie really stuck.
  var shown = document.querySelector("[data-visitor-tz]");
  if (shown && shown.getAttribute("data-visitor-tz") !== zone && hasCookie()) {
    window.location.reload();
  }
})();
