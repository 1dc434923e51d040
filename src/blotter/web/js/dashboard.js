// The dashboard: filters, map, timeline and table drawn from one filter state, kept in the URL.
import {api, el, formatIncidentDate, label, placeText} from "./common.js";

const PAGE_SIZE = 25;
const FILTERS = ["since", "until", "country", "category", "attack_type", "group", "perpetrator", "min_killed", "q",
  "sort", "bbox", "interval", "in_view"];
const form = document.getElementById("filters");
let offset = Number(new URLSearchParams(location.search).get("offset")) || 0;
let map, cluster;
let fitToIncidents = true;  // the map follows the incidents until the reader moves it
let fitting = false;

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const field = form.elements[name];
    if (!field) continue;
    if (field.type === "checkbox") field.checked = params.get(name) === "1";
    else field.value = params.get(name) || (field.tagName === "SELECT" ? field.options[0].value : "");
  }
  form.elements.interval.value = params.get("interval") || "month";
}

function currentQuery() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const field = form.elements[name];
    if (!field) continue;
    const value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value.trim();
    if (value && !(name === "sort" && value === "-date") && !(name === "interval" && value === "month")) params.set(name, value);
  }
  if (!params.get("in_view")) params.delete("bbox");
  return params;
}

function apiQuery(params, extra) {
  const query = new URLSearchParams(params);
  query.delete("in_view");
  query.delete("interval");
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query;
}

async function refresh(push) {
  const params = currentQuery();
  const shown = new URLSearchParams(params);
  if (offset) shown.set("offset", offset);
  const url = shown.toString() ? `?${shown}` : location.pathname;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  const error = document.getElementById("error");
  error.hidden = true;
  const main = document.querySelector("main");
  main.setAttribute("aria-busy", "true");
  document.getElementById("total").textContent = "Loading…";
  try {
    const [page, overview] = await Promise.all([
      api(`/api/incidents?${apiQuery(params, {limit: PAGE_SIZE, offset})}`),
      api(`/api/overview?${apiQuery(params, {interval: params.get("interval") || "month"})}`),
    ]);
    drawTable(page);
    drawMap(overview.points, overview.total);
    drawTimeline(overview.timeline);
    document.getElementById("total").textContent = `${overview.total} incident${overview.total === 1 ? "" : "s"}`;
  } catch (failure) {
    error.textContent = `Could not load incidents: ${failure.message}. Check the filters or try again.`;
    error.hidden = false;
    document.getElementById("total").textContent = "";
    document.querySelector("#incidents tbody").replaceChildren(
      el("tr", {}, el("td", {colspan: COLUMNS, class: "empty"}, "Nothing to show: the server did not answer.")));
  }
  main.removeAttribute("aria-busy");
}

const COLUMNS = 8;

function unknown(text = "?") {
  return el("span", {class: "unknown", title: "not in the reports"}, text);
}

function drawTable(page) {
  const body = document.querySelector("#incidents tbody");
  body.replaceChildren(...page.items.map((incident) => {
    const killed = incident.casualties?.killed?.best, injured = incident.casualties?.injured?.best;
    const link = el("a", {href: `/incident?id=${encodeURIComponent(incident.id)}`}, incident.summary || incident.id);
    return el("tr", {"data-id": incident.id},
      el("td", {class: "date"}, incident.date?.start ? formatIncidentDate(incident.date) : unknown("unknown")),
      el("td", {}, incident.location?.name || incident.location?.country ? placeText(incident.location) : unknown("unknown")),
      el("td", {}, label(incident.category)), el("td", {}, (incident.attack_types || []).map(label).join(", ")),
      el("td", {class: "num"}, killed ?? unknown()), el("td", {class: "num"}, injured ?? unknown()),
      el("td", {class: "summary"}, link), el("td", {class: "num"}, (incident.sources || []).length));
  }));
  if (!page.items.length) {
    const clear = el("button", {type: "button", onclick: () => document.getElementById("clear-filters").click()}, "Clear the filters");
    body.append(el("tr", {}, el("td", {colspan: COLUMNS, class: "empty"},
      page.total ? "No incidents on this page. " : "No incidents match these filters. ", clear)));
  }
  const last = Math.min(page.offset + page.items.length, page.total);
  document.getElementById("page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "";
  document.getElementById("previous").disabled = page.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}

function markerRadius(point) {
  return 5 + 3 * Math.sqrt((point.killed || 0) + (point.injured || 0));
}

function drawMap(points, total) {
  cluster.clearLayers();
  cluster.addLayers(points.map((point) => {
    const marker = L.circleMarker([point.lat, point.lon], {radius: markerRadius(point), className: "incident-marker",
      color: "#8a1c1c", weight: 1, fillColor: "#d9412b", fillOpacity: 0.6});
    marker.killed = point.killed || 0;
    const popup = el("div", {}, el("strong", {}, point.date ? formatIncidentDate({start: point.date}) : "undated"), el("br"),
      el("a", {href: `/incident?id=${encodeURIComponent(point.id)}`}, point.summary || point.id),
      el("br"), `killed: ${point.killed ?? "?"}, injured: ${point.injured ?? "?"}`);
    return marker.bindPopup(popup);
  }));
  const unplaced = total - points.length;
  document.getElementById("unplaced").textContent = unplaced > 0 ? `${unplaced} not on the map (no known place)` : "";
  if (fitToIncidents && points.length && !form.elements.in_view.checked) {
    fitting = true;
    map.fitBounds(L.latLngBounds(points.map((point) => [point.lat, point.lon])), {padding: [30, 30], maxZoom: 7,
      animate: false});
    fitting = false;
  }
}

// Country outlines as GeoJSON Leaflet can draw: a ring that crosses the antimeridian is made
// continuous (lon beyond ±180) and drawn again one world over; rings around a pole are dropped.
function outlinesWithoutSeams(collection) {
  const features = [];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const polygons = [];
    for (const polygon of geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) {
      const rings = polygon.map(continuousRing);
      if (rings.some((ring) => ring === null)) continue;
      polygons.push(rings);
      const lons = rings[0].map(([lon]) => lon);
      const shift = Math.max(...lons) > 180 ? -360 : Math.min(...lons) < -180 ? 360 : 0;
      if (shift) polygons.push(rings.map((ring) => ring.map(([lon, lat]) => [lon + shift, lat])));
    }
    if (polygons.length) features.push({...feature, geometry: {type: "MultiPolygon", coordinates: polygons}});
  }
  return {type: "FeatureCollection", features};
}

function continuousRing(ring) {
  let offset = 0;
  const out = ring.map(([lon, lat], n) => {
    if (n > 0) {
      const step = lon + offset - (ring[n - 1][0] + offset);
      if (step > 180) offset -= 360; else if (step < -180) offset += 360;
    }
    return [lon + offset, lat];
  });
  return offset === 0 ? out : null;  // a ring that does not come back around a pole
}

function sizeLegend() {
  const legend = L.control({position: "bottomleft"});
  legend.onAdd = () => {
    const sizes = [0, 10, 50];
    const width = 130, height = 2 * markerRadius({killed: 50}) + 4;
    const chart = svg("svg", {width, height, viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true"});
    let x = 4;
    for (const people of sizes) {
      const radius = markerRadius({killed: people});
      chart.append(svg("circle", {cx: x + radius, cy: height / 2, r: radius, class: "legend-dot"}),
        svg("text", {x: x + radius, y: height / 2 + 4, class: "legend-label"}, String(people)));
      x += 2 * radius + 8;
    }
    return el("div", {class: "map-legend"}, el("strong", {}, "Killed + injured"), chart,
      el("span", {}, "A numbered circle is a group of incidents."));
  };
  return legend;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text) node.append(document.createTextNode(text));
  return node;
}

function periodEnd(period, interval) {
  if (interval === "day") return period;
  if (interval === "week") {
    const end = new Date(`${period}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    return end.toISOString().slice(0, 10);
  }
  const [year, month] = period.split("-").map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function drawTimeline(buckets) {
  const chart = document.getElementById("timeline");
  const width = chart.clientWidth || 600, height = chart.clientHeight || 120, bottom = 18;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  chart.replaceChildren();
  if (!buckets.length) {
    chart.append(svg("text", {x: 8, y: 20, class: "empty"}, "No dated incidents."));
    return;
  }
  const interval = form.elements.interval.value;
  const most = Math.max(...buckets.map((b) => b.incidents));
  const slot = width / buckets.length;
  buckets.forEach((bucket, n) => {
    const barHeight = Math.max(2, (height - bottom - 4) * bucket.incidents / most);
    const bar = svg("rect", {x: n * slot + 1, y: height - bottom - barHeight, width: Math.max(1, slot - 2),
      height: barHeight, class: "bar", tabindex: 0, "data-period": bucket.period});
    bar.append(svg("title", {}, `${bucket.period}: ${bucket.incidents} incidents, ${bucket.killed} killed`));
    const choose = () => {
      form.elements.since.value = interval === "month" ? `${bucket.period}-01` : bucket.period;
      form.elements.until.value = periodEnd(bucket.period, interval);
      offset = 0;
      refresh(true);
    };
    bar.setAttribute("role", "button");
    bar.setAttribute("aria-label", `${bucket.period}: ${bucket.incidents} incidents, show only these`);
    bar.addEventListener("click", choose);
    bar.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); }
    });
    chart.append(bar);
  });
  const labelEvery = Math.ceil(buckets.length / Math.max(1, Math.floor(width / 70)));
  buckets.forEach((bucket, n) => {
    if (n % labelEvery === 0) chart.append(svg("text", {x: n * slot + 2, y: height - 4, class: "label"}, bucket.period));
  });
}

async function drawOutlines(config) {
  map = L.map("map", {worldCopyJump: true, minZoom: 1, maxZoom: 14}).setView([20, 10], 2);
  if (config.tile_url) L.tileLayer(config.tile_url, {maxZoom: 18}).addTo(map);
  const topology = await api("/static/vendor/world-atlas/countries-110m.json");
  L.geoJSON(outlinesWithoutSeams(topojson.feature(topology, topology.objects.countries)), {
    interactive: false, style: {color: "#7d8a96", weight: 0.6, fillColor: "#e9ecef", fillOpacity: config.tile_url ? 0 : 1},
  }).addTo(map);
  cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false,
    iconCreateFunction: (group) => {
      const killed = group.getAllChildMarkers().reduce((sum, marker) => sum + marker.killed, 0);
      const size = 28 + Math.min(24, 4 * Math.log2(1 + killed));
      return L.divIcon({html: el("span", {}, String(group.getChildCount())), className: "incident-cluster",
        iconSize: [size, size]});
    }}).addTo(map);
  sizeLegend().addTo(map);
  // A drag or zoom by the reader stops the map from refitting to the incidents.
  map.on("dragstart zoomstart", () => { if (!fitting) fitToIncidents = false; });
  map.on("moveend", () => {
    const bounds = map.getBounds();
    const wrap = (lon) => Math.max(-180, Math.min(180, lon));
    form.elements.bbox.value = [wrap(bounds.getWest()), Math.max(-90, bounds.getSouth()), wrap(bounds.getEast()),
      Math.min(90, bounds.getNorth())].map((n) => n.toFixed(3)).join(",");
    if (form.elements.in_view.checked) { offset = 0; refresh(false); }
  });
}

async function start() {
  stateFromUrl();
  const config = await api("/api/config");
  await drawOutlines(config);
  form.addEventListener("submit", (event) => { event.preventDefault(); offset = 0; fitToIncidents = true; refresh(true); });
  form.addEventListener("change", (event) => {
    if (event.target.name === "interval" || event.target.tagName === "SELECT" || event.target.type === "checkbox") {
      offset = 0; fitToIncidents = event.target.name !== "interval"; refresh(true);
    }
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    form.reset(); offset = 0; fitToIncidents = true; refresh(true);
  });
  document.getElementById("previous").addEventListener("click", () => { offset = Math.max(0, offset - PAGE_SIZE); refresh(true); });
  document.getElementById("next").addEventListener("click", () => { offset += PAGE_SIZE; refresh(true); });
  window.addEventListener("popstate", () => { stateFromUrl(); offset = Number(new URLSearchParams(location.search).get("offset")) || 0; refresh(false); });
  await refresh(false);
  document.body.dataset.ready = "1";
}

start();
