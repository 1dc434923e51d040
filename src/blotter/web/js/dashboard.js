// The dashboard: filters, map, timeline and table drawn from one filter state, kept in the URL.
import {api, el} from "./common.js";

const PAGE_SIZE = 25;
const FILTERS = ["since", "until", "country", "category", "attack_type", "group", "perpetrator", "min_killed", "q",
  "sort", "bbox", "interval", "in_view"];
const form = document.getElementById("filters");
let offset = Number(new URLSearchParams(location.search).get("offset")) || 0;
let map, cluster;

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
  try {
    const [page, overview] = await Promise.all([
      api(`/api/incidents?${apiQuery(params, {limit: PAGE_SIZE, offset})}`),
      api(`/api/overview?${apiQuery(params, {interval: params.get("interval") || "month"})}`),
    ]);
    drawTable(page);
    drawMap(overview.points);
    drawTimeline(overview.timeline);
    document.getElementById("total").textContent = `${overview.total} incident${overview.total === 1 ? "" : "s"}`;
  } catch (failure) {
    error.textContent = `Could not load incidents: ${failure.message}`;
    error.hidden = false;
  }
}

function drawTable(page) {
  const body = document.querySelector("#incidents tbody");
  body.replaceChildren(...page.items.map((incident) => {
    const where = incident.location || {};
    const link = el("a", {href: `/incident?id=${encodeURIComponent(incident.id)}`}, incident.summary || incident.id);
    return el("tr", {"data-id": incident.id},
      el("td", {}, incident.date?.start || "?"),
      el("td", {}, [where.name, where.country_code].filter(Boolean).join(", ") || "?"),
      el("td", {}, incident.category), el("td", {}, (incident.attack_types || []).join(", ")),
      el("td", {class: "num"}, incident.casualties?.killed?.best ?? "?"),
      el("td", {class: "num"}, incident.casualties?.injured?.best ?? "?"),
      el("td", {}, link), el("td", {class: "num"}, (incident.sources || []).length));
  }));
  if (!page.items.length) body.append(el("tr", {}, el("td", {colspan: 8, class: "empty"}, "No incidents match.")));
  const last = Math.min(page.offset + page.items.length, page.total);
  document.getElementById("page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "";
  document.getElementById("previous").disabled = page.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}

function markerRadius(point) {
  return 5 + 3 * Math.sqrt((point.killed || 0) + (point.injured || 0));
}

function drawMap(points) {
  cluster.clearLayers();
  cluster.addLayers(points.map((point) => {
    const marker = L.circleMarker([point.lat, point.lon], {radius: markerRadius(point), className: "incident-marker",
      color: "#8a1c1c", weight: 1, fillColor: "#d9412b", fillOpacity: 0.6});
    marker.killed = point.killed || 0;
    const popup = el("div", {}, el("strong", {}, point.date || "undated"), el("br"),
      el("a", {href: `/incident?id=${encodeURIComponent(point.id)}`}, point.summary || point.id),
      el("br"), `killed: ${point.killed ?? "?"}, injured: ${point.injured ?? "?"}`);
    return marker.bindPopup(popup);
  }));
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
  const width = chart.clientWidth || 600, height = 120, bottom = 18;
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
    bar.addEventListener("click", () => {
      form.elements.since.value = interval === "month" ? `${bucket.period}-01` : bucket.period;
      form.elements.until.value = periodEnd(bucket.period, interval);
      offset = 0;
      refresh(true);
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
  L.geoJSON(topojson.feature(topology, topology.objects.countries), {
    interactive: false, style: {color: "#7d8a96", weight: 0.6, fillColor: "#e9ecef", fillOpacity: config.tile_url ? 0 : 1},
  }).addTo(map);
  cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false,
    iconCreateFunction: (group) => {
      const killed = group.getAllChildMarkers().reduce((sum, marker) => sum + marker.killed, 0);
      const size = 28 + Math.min(24, 4 * Math.log2(1 + killed));
      return L.divIcon({html: el("span", {}, String(group.getChildCount())), className: "incident-cluster",
        iconSize: [size, size]});
    }}).addTo(map);
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
  form.addEventListener("submit", (event) => { event.preventDefault(); offset = 0; refresh(true); });
  form.addEventListener("change", (event) => {
    if (event.target.name === "interval" || event.target.tagName === "SELECT" || event.target.type === "checkbox") {
      offset = 0; refresh(true);
    }
  });
  document.getElementById("reset").addEventListener("click", () => {
    form.reset(); offset = 0; refresh(true);
  });
  document.getElementById("previous").addEventListener("click", () => { offset = Math.max(0, offset - PAGE_SIZE); refresh(true); });
  document.getElementById("next").addEventListener("click", () => { offset += PAGE_SIZE; refresh(true); });
  window.addEventListener("popstate", () => { stateFromUrl(); offset = Number(new URLSearchParams(location.search).get("offset")) || 0; refresh(false); });
  await refresh(false);
  document.body.dataset.ready = "1";
}

start();
