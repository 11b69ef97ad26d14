/* Session times in the visitor's own zone, without reloading the page.

   On a first visit the server cannot know the browser's zone: it shows the session's zone
   (and the site's as a guess). This adds the visitor's zone in place, from the instants in the
   page, formatted by the browser in the page's language, and remembers the zone in the `tz`
   cookie so that later pages come with it already. A zone chosen in the form on the page (the
   same cookie, works without JavaScript) is never overridden. */
(function () {
  "use strict";
  if (/(?:^|;\s*)tz=/.test(document.cookie)) { return; }
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone || !/^[A-Za-z0-9_+\-\/]+$/.test(zone)) { return; }
  var secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax" + secure;

  var times = document.querySelector("dl[data-session-tz]");
  if (!times) { return; }
  var label = times.querySelector(".visitor-time-label");
  var value = times.querySelector(".visitor-time");
  var note = document.querySelector(".same-zone-note");

  if (zone === times.getAttribute("data-session-tz")) {
    if (label) { label.parentNode.removeChild(label); }
    if (value) { value.parentNode.removeChild(value); }
    if (note) { note.hidden = false; }
    return;
  }
  if (value && value.getAttribute("data-visitor-tz") === zone) { return; }
  if (note) { note.hidden = true; }

  var language = document.documentElement.lang || undefined;
  var start = new Date(times.getAttribute("data-starts"));
  var end = new Date(times.getAttribute("data-ends"));
  var dateTime = { weekday: "long", day: "numeric", month: "long", year: "numeric",
                   hour: "2-digit", minute: "2-digit", timeZone: zone };
  var timeOnly = { hour: "2-digit", minute: "2-digit", timeZone: zone };
  var day = function (date) {
    return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit",
                                              timeZone: zone }).format(date);
  };
  var format = function (date, options) {
    return new Intl.DateTimeFormat(language, options).format(date);
  };
  var timeElement = function (date, text) {
    var element = document.createElement("time");
    element.setAttribute("datetime", date.toISOString());
    element.textContent = text;
    return element;
  };
  var abbreviation = zone;
  try {
    new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(start).forEach(function (part) {
        if (part.type === "timeZoneName") { abbreviation = part.value; }
      });
  } catch (e) { /* the zone's name will do */ }

  if (!label) {
    label = document.createElement("dt");
    label.className = "visitor-time-label";
    times.appendChild(label);
  }
  if (!value) {
    value = document.createElement("dd");
    value.className = "visitor-time";
    times.appendChild(value);
  }
  var zoneLabel = zone.replace(/_/g, " ");
  label.textContent = times.getAttribute("data-visitor-label").replace("{zone}", zoneLabel);
  value.textContent = "";
  value.setAttribute("data-visitor-tz", zone);
  value.appendChild(timeElement(start, format(start, dateTime)));
  value.appendChild(document.createTextNode(" – "));
  value.appendChild(timeElement(end, format(end, day(start) === day(end) ? timeOnly : dateTime)));
  value.appendChild(document.createTextNode(" "));
  var abbr = document.createElement("abbr");
  abbr.title = zoneLabel;
  abbr.textContent = abbreviation;
  value.appendChild(abbr);

  // The form beside the times says which zone is shown, and offers it.
  var select = document.querySelector(".time-zone-form select");
  if (select) {
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === zone;
    });
    if (!known) { select.insertBefore(new Option(zoneLabel, zone), select.firstChild); }
    select.value = zone;
  }
})();
