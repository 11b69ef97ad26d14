/* The good-practice map: an enhancement of the list by country, which works without it.
   Leaflet is vendored (static/vendor/leaflet); the tile server comes from MAP_TILE_URL. */
(function () {
  "use strict";
  var element = document.getElementById("practice-map");
  var data = document.getElementById("practice-markers");
  if (!element || !data || typeof L === "undefined") { return; }
  var markers = JSON.parse(data.textContent);
  var tiles = JSON.parse(element.getAttribute("data-tiles"));
  element.hidden = false;
  L.Icon.Default.imagePath = element.ownerDocument.querySelector('script[src*="leaflet.js"]')
    .getAttribute("src").replace(/leaflet\.js.*$/, "images/");
  var map = L.map(element, { scrollWheelZoom: false }).setView([46, 10], 4);
  if (tiles.url) {
    L.tileLayer(tiles.url, { maxZoom: 18, attribution: tiles.attribution }).addTo(map);
  }
  var bounds = [];
  markers.forEach(function (m) {
    var link = document.createElement("a");
    link.href = m.url;
    link.textContent = m.title;
    var popup = document.createElement("div");
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
})();
