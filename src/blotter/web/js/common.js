// Shared by every page: API calls, safe DOM building, and the evidence views.
// Report text is only ever put into the page as text nodes (never parsed as HTML).

export async function api(path, options = {}) {
  const answer = await fetch(path, options);
  const body = await answer.json().catch(() => null);
  if (!answer.ok) {
    const message = body && body.message ? body.message : answer.statusText;
    throw new Error(`${answer.status} ${message}`);
  }
  return body;
}

// el("a", {href: "/x", class: "link"}, "text", child) builds an element; strings become text nodes.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only web links are made clickable: a report's "javascript:" URL stays text.
export function safeLink(url, label) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", {href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank"}, label || url);
    }
  } catch (_) { /* not a URL */ }
  return el("span", {}, label || url || "");
}

export function countText(count) {
  if (!count || count.best === null || count.best === undefined) return "unknown";
  const range = count.high !== null && count.high !== undefined && count.high !== count.best
    ? ` (${count.low ?? "?"}–${count.high})` : (count.low !== null && count.low !== count.best ? ` (at least ${count.low})` : "");
  return `${count.best}${range}`;
}

// Codebook values read as words: "hostage_taking_kidnapping" -> "hostage taking kidnapping".
export function label(value) {
  return value === null || value === undefined ? "" : String(value).replaceAll("_", " ");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "2025-02-09" -> "9 Feb 2025", cut to the precision the record claims (no invented day or month).
export function formatDay(day, precision = "day") {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(day || "");
  if (!match) return day || "";
  const [, year, month, dayOfMonth] = match;
  if (precision === "year") return year;
  if (precision === "month" || !dayOfMonth) return `${MONTHS[Number(month) - 1]} ${year}`;
  return `${Number(dayOfMonth)} ${MONTHS[Number(month) - 1]} ${year}`;
}

// An incident's date as an analyst reads it: a day, a range, "week of", a month, or "unknown".
export function formatIncidentDate(date) {
  if (!date || !date.start) return "unknown";
  const precision = date.precision || "day";
  if (precision === "week") return `week of ${formatDay(date.start)}`;
  if (date.end && date.end !== date.start && (precision === "range" || precision === "day")) {
    return `${formatDay(date.start)} – ${formatDay(date.end)}`;
  }
  return formatDay(date.start, precision);
}

// A stored timestamp ("2025-02-10T09:00:00+00:00") as its day and, when given, its time.
export function formatTimestamp(stamp) {
  if (!stamp) return "";
  const time = /T(\d{2}:\d{2})/.exec(stamp);
  return time && time[1] !== "00:00" ? `${formatDay(stamp)}, ${time[1]}` : formatDay(stamp);
}

// "Ikeja, NG": the place's name and country code, or the country alone, or "unknown".
export function placeText(location) {
  const where = location || {};
  if (where.name && where.country_code && where.name !== where.country) return `${where.name}, ${where.country_code}`;
  return where.country || where.name || "unknown";
}

export function hostOf(url) {
  try { return new URL(url).hostname.replace(/^www\./, ""); } catch (_) { return ""; }
}

function join(...parts) {
  return parts.filter((p) => p !== null && p !== undefined && p !== "").join(", ");
}

const age = (years) => (years !== null && years !== undefined ? `age ${years}` : null);

// Every field of an incident as rows {label, value, evidence}; list fields (victims,
// perpetrators, ...) are one row with {items: [{value, evidence}]} so each entry has its own click.
export function incidentFields(incident) {
  const d = incident.date || {};
  const where = incident.location || {};
  const list = (name, entries, describe) => ({label: name, items: (entries || []).map(describe)});
  const rows = [
    {label: "Summary", value: incident.summary || "—", evidence: incident.evidence},
    {label: "Category", value: label(incident.category)},
    {label: "Attack types", value: (incident.attack_types || []).map(label).join(", ")},
    {label: "Status", value: label(incident.status)},
    {label: "ACLED event", value: join(incident.acled_event_type, incident.acled_sub_event_type) || "—"},
    {label: "Date", value: d.start ? `${formatIncidentDate(d)}${d.time ? ", " + d.time : ""} (${label(d.precision)})`
      : "unknown", evidence: d.evidence},
    {label: "Location", value: join(where.mention && where.mention !== where.name ? `“${where.mention}”` : null,
      where.name, where.admin1, where.country) + ` (${where.precision || "unknown"})`, evidence: where.evidence},
    list("Perpetrators", incident.perpetrators, (p) => ({evidence: p.evidence,
      value: join(p.name || p.mention, age(p.age), p.gender, p.nationality, p.group, label(p.fate))})),
    list("Groups", incident.groups, (g) => ({value: `${g.name} (${label(g.relation)})`, evidence: g.evidence})),
    list("Claims", incident.claims, (c) => ({evidence: c.evidence,
      value: join(`${c.claimant} ${c.status}`, c.channel, c.date && formatDay(c.date), c.statement && `“${c.statement}”`),
      disputes: (c.disputed_by || []).map((dispute) => ({value: `disputed by ${dispute.who}: ${dispute.view}`,
        evidence: dispute.evidence}))})),
    list("Victims", incident.victims, (v) => ({evidence: v.evidence,
      value: join(v.name || v.mention, label(v.status), age(v.age), v.gender)})),
    list("Targets", incident.targets, (t) => ({value: `${t.mention} (${label(t.type)})`, evidence: t.evidence})),
    list("Weapons", incident.weapons, (w) => ({value: join(`${w.mention} (${label(w.type)})`, w.subtype),
      evidence: w.evidence})),
  ];
  const dead = incident.casualties || {};
  for (const [name, key] of [["Killed", "killed"], ["Injured", "injured"], ["Perpetrators killed", "perpetrators_killed"],
    ["Perpetrators injured", "perpetrators_injured"]]) {
    rows.push({label: name, value: countText(dead[key]), evidence: dead[key]?.evidence});
  }
  rows.push({label: "Confidence", value: Number(incident.confidence).toFixed(2)});
  return rows.map((row) => row.items ? row : {...row, evidence: row.evidence || []});
}

// A value: a button that highlights its words in the sources when it has evidence, else text.
export function evidenceButton(value, evidence, onSelect) {
  if (!evidence || !evidence.length) return el("span", {class: "field-value"}, value);
  return el("button", {type: "button", class: "field-value has-evidence", title: "show the words this comes from",
    onclick: (event) => {
      document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
      event.currentTarget.classList.add("selected");
      onSelect({value, evidence});
    }}, value);
}

// The field list; list fields are bulleted lists whose entries each highlight their own words.
export function renderFields(container, incident, onSelect) {
  container.replaceChildren();
  for (const field of incidentFields(incident)) {
    if (!field.items) {
      container.append(el("dt", {}, field.label), el("dd", {}, evidenceButton(field.value, field.evidence, onSelect)));
      continue;
    }
    if (!field.items.length) continue;
    const entries = field.items.map((item) => el("li", {}, evidenceButton(item.value, item.evidence, onSelect),
      item.disputes?.length ? el("ul", {}, item.disputes.map((d) => el("li", {}, evidenceButton(d.value, d.evidence, onSelect))))
        : null));
    container.append(el("dt", {}, `${field.label} (${field.items.length})`), el("dd", {}, el("ul", {class: "entries"}, entries)));
  }
}

// A source's title and text with the given evidence spans marked; returns the first mark.
export function renderSourceText(titleNode, textNode, source, evidence) {
  const mine = evidence.filter((e) => !e.document_id || e.document_id === source.id);
  const fill = (node, text, field) => {
    const spans = mine.filter((e) => e.field === field && e.start >= 0 && e.end <= text.length && e.start < e.end)
      .sort((a, b) => a.start - b.start);
    node.replaceChildren();
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;  // overlapping evidence: the earlier span wins
      node.append(plainText(text.slice(at, span.start)), el("mark", {}, text.slice(span.start, span.end)));
      at = span.end;
    }
    node.append(plainText(text.slice(at)));
  };
  fill(titleNode, source.title || source.id, "title");
  fill(textNode, source.text || "", "text");
  return textNode.querySelector("mark") || titleNode.querySelector("mark");
}

function plainText(text) {
  return document.createTextNode(text);
}
