"""The live map: an offline folium/Leaflet page fed by batched deltas over QWebChannel."""
