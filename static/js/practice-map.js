/* The good-practice map: an enhancement of the list by country, which works without it.
   Leaflet (vendored, static/vendor/leaflet) loads only when the visitor asks for the map, so
   the page stays light on slow connections; the tile server comes from MAP_TILE_URL. */
(function () {
  "use strict";
  var element = document.getElementById("practice-map");
  var data = document.getElementById("practice-markers");
  var button = document.getElementById("show-map");
  if (!element || !data || !button) { return; }
  button.parentNode.hidden = false;

  function draw() {
    var markers = JSON.parse(data.textContent);
    var tiles = JSON.parse(element.getAttribute("data-tiles"));
    element.hidden = false;
    button.parentNode.hidden = true;
    L.Icon.Default.imagePath = element.getAttribute("data-images");
    var map = L.map(element, { scrollWheelZoom: false }).setView([46, 10], 4);
    if (tiles.url) {
      L.tileLayer(tiles.url, { maxZoom: 18, attribution: tiles.attribution }).addTo(map);
    }
    var bounds = [];
    markers.forEach(function (m) {
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.title;
      popup.appendChild(link);
      if (m.place) {
        var place = document.createElement("div");
        place.textContent = m.place;
        popup.appendChild(place);
      }
      L.marker([m.lat, m.lng], { title: m.title, alt: m.title }).bindPopup(popup).addTo(map);
      bounds.push([m.lat, m.lng]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 10 }); }
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = element.getAttribute("data-leaflet-css");
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = element.getAttribute("data-leaflet-js");
    script.onload = draw;
    document.body.appendChild(script);
  });
})();
