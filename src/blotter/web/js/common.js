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

function join(...parts) {
  return parts.filter((p) => p !== null && p !== undefined && p !== "").join(", ");
}

// Every field of an incident as rows: [label, value, evidence list].
export function incidentFields(incident) {
  const d = incident.date || {};
  const where = incident.location || {};
  const rows = [
    ["Summary", incident.summary || "—", incident.evidence],
    ["Category", incident.category, []],
    ["Attack types", (incident.attack_types || []).join(", "), []],
    ["Status", incident.status, []],
    ["ACLED event", join(incident.acled_event_type, incident.acled_sub_event_type) || "—", []],
    ["Date", d.start ? `${d.start}${d.end && d.end !== d.start ? " – " + d.end : ""}${d.time ? " " + d.time : ""} (${d.precision})`
      : "unknown", d.evidence],
    ["Location", join(where.mention && where.mention !== where.name ? `“${where.mention}”` : null, where.name,
      where.admin1, where.country) + ` (${where.precision || "unknown"})`, where.evidence],
  ];
  for (const p of incident.perpetrators || []) {
    rows.push(["Perpetrator", join(p.name || p.mention, p.age !== null ? `age ${p.age}` : null, p.gender,
      p.nationality, p.group, p.fate), p.evidence]);
  }
  for (const g of incident.groups || []) rows.push(["Group", `${g.name} (${g.relation})`, g.evidence]);
  for (const c of incident.claims || []) {
    rows.push(["Claim", join(`${c.claimant} ${c.status}`, c.channel, c.date, c.statement && `“${c.statement}”`), c.evidence]);
    for (const dispute of c.disputed_by || []) rows.push(["Disputed by", `${dispute.who}: ${dispute.view}`, dispute.evidence]);
  }
  for (const v of incident.victims || []) {
    rows.push(["Victim", join(v.name || v.mention, v.status, v.age !== null ? `age ${v.age}` : null, v.gender), v.evidence]);
  }
  for (const t of incident.targets || []) rows.push(["Target", `${t.mention} (${t.type})`, t.evidence]);
  for (const w of incident.weapons || []) rows.push(["Weapon", join(`${w.mention} (${w.type})`, w.subtype), w.evidence]);
  const dead = incident.casualties || {};
  rows.push(["Killed", countText(dead.killed), dead.killed?.evidence]);
  rows.push(["Injured", countText(dead.injured), dead.injured?.evidence]);
  rows.push(["Perpetrators killed", countText(dead.perpetrators_killed), dead.perpetrators_killed?.evidence]);
  rows.push(["Perpetrators injured", countText(dead.perpetrators_injured), dead.perpetrators_injured?.evidence]);
  rows.push(["Confidence", Number(incident.confidence).toFixed(2), []]);
  return rows.map(([label, value, evidence]) => ({label, value, evidence: evidence || []}));
}

// The field list; a field with evidence is a button that highlights its words in the sources.
export function renderFields(container, incident, onSelect) {
  container.replaceChildren();
  for (const field of incidentFields(incident)) {
    const value = field.evidence.length
      ? el("button", {type: "button", class: "field-value has-evidence", title: "show the words this comes from",
          onclick: (event) => {
            document.querySelectorAll(".field-value.selected").forEach((n) => n.classList.remove("selected"));
            event.currentTarget.classList.add("selected");
            onSelect(field);
          }}, field.value)
      : el("span", {class: "field-value"}, field.value);
    container.append(el("dt", {}, field.label), el("dd", {}, value));
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
