// One merged incident: every field, its conflicts side by side, and its source reports with the evidence marked.
import {api, el, evidenceButton, formatTimestamp, hostOf, renderFields, renderSourceText, safeLink} from "./common.js";

// Conflict fields as analysts name them; any other path is shown as it is.
const FIELD_NAMES = {"casualties.killed": "Killed", "casualties.injured": "Injured",
  "casualties.perpetrators_killed": "Perpetrators killed", "casualties.perpetrators_injured": "Perpetrators injured",
  "date": "Date", "location": "Location", "category": "Category", "attack_types": "Attack types"};

function conflictValue(value) {
  if (value === null || value === undefined) return "unknown";
  if (Array.isArray(value)) return value.map(conflictValue).join(", ");
  if (typeof value !== "object") return String(value).replaceAll("_", " ");
  if ("best" in value) return String(value.best ?? "unknown");
  if ("start" in value) return [value.start, value.end !== value.start ? value.end : null].filter(Boolean).join(" – ") || "unknown";
  if ("name" in value) return [value.name, value.country].filter(Boolean).join(", ");
  return JSON.stringify(value);
}

// The evidence a source's own incident gives for a dotted field ("casualties.killed"), tagged with the source.
function sourceEvidence(document, incidentId, field) {
  const incident = (document.incidents || []).find((candidate) => candidate.id === incidentId);
  let value = incident;
  for (const key of field.split(".")) value = value?.[key];
  const evidence = Array.isArray(value) ? value.flatMap((entry) => entry?.evidence || []) : value?.evidence || [];
  return evidence.map((span) => ({...span, document_id: document.id}));
}

function drawConflicts(conflicts, sources, documents, onSelect) {
  if (!conflicts.length) return;
  document.getElementById("conflicts-panel").hidden = false;
  const byId = new Map(documents.map((d, n) => [d.id, {document: d, source: sources[n], number: n + 1}]));
  document.getElementById("conflicts").replaceChildren(...conflicts.map((conflict) =>
    el("div", {class: "conflict"}, el("h3", {}, FIELD_NAMES[conflict.field] || conflict.field),
      el("div", {class: "side-by-side"}, conflict.values.map((entry) => {
        const known = byId.get(entry.document_id);
        const evidence = known ? sourceEvidence(known.document, known.source.incident_id, conflict.field) : [];
        const name = known ? `[${known.number}] ${known.document.title || hostOf(known.source.url) || entry.document_id}`
          : entry.document_id;
        return el("div", {class: "conflict-value", "data-document": entry.document_id},
          evidenceButton(conflictValue(entry.value), evidence, onSelect), el("span", {class: "source-name"}, name));
      })))));
}

// A field the reports disagree on says so next to its merged value, linking to the comparison.
function flagDisputedFields(conflicts) {
  const disputed = new Set(conflicts.map((conflict) => FIELD_NAMES[conflict.field] || conflict.field));
  for (const term of document.querySelectorAll("#fields dt")) {
    if (disputed.has(term.textContent)) {
      term.nextElementSibling.append(" ", el("a", {class: "disputed", href: "#conflicts-panel"}, "reports disagree"));
    }
  }
}

// The numbered list of reports at the top of the Sources panel: title (linked), site, date.
function sourceList(sources, documents) {
  return el("ol", {class: "source-list"}, sources.map((source, n) => {
    const title = source.title || documents[n].title || source.document_id;
    return el("li", {},
      source.url ? safeLink(source.url, title) : el("span", {}, title),
      el("span", {class: "source-name"}, [hostOf(source.url), formatTimestamp(source.published) || "date not given"]
        .filter(Boolean).join(" · ")),
      el("a", {class: "jump", href: `#source-${n + 1}`}, "text ↓"));
  }));
}

async function start() {
  const id = new URLSearchParams(location.search).get("id");
  const error = document.getElementById("error");
  try {
    if (!id) throw new Error("no incident id in the address");
    const incident = await api(`/api/incidents/${encodeURIComponent(id)}`);
    document.title = `Blotter – ${incident.summary || incident.id}`;
    document.getElementById("summary").textContent = incident.summary || incident.id;
    const count = incident.sources.length;
    document.getElementById("meta").textContent = [`${count} source${count === 1 ? "" : "s"}`,
      `first reported ${formatTimestamp(incident.first_reported) || "?"}`,
      incident.last_reported && incident.last_reported !== incident.first_reported
        ? `last ${formatTimestamp(incident.last_reported)}` : null, `id ${incident.id}`].filter(Boolean).join(" · ");
    const documents = await Promise.all(incident.sources.map((source) =>
      api(`/api/documents/${encodeURIComponent(source.document_id)}`)
        .catch(() => ({id: source.document_id, title: source.title, text: "", missing: true}))));
    const views = documents.map((document, n) => {
      const source = incident.sources[n];
      const title = el("h3", {class: "source-title"});
      const text = el("div", {class: "source-text", tabindex: 0});
      const box = el("article", {class: "source", id: `source-${n + 1}`, "data-document": document.id},
        el("p", {class: "source-number"}, `[${n + 1}]`), title,
        el("p", {class: "meta"}, formatTimestamp(source.published), " ",
          source.url ? safeLink(source.url, "open the original") : ""),
        document.missing ? el("p", {class: "empty"}, "The text of this report could not be loaded.") : null, text);
      return {document, title, text, box};
    });
    document.getElementById("sources").replaceChildren(sourceList(incident.sources, documents),
      ...views.map((view) => view.box));
    const highlight = (evidence) => {
      let first = null;
      for (const view of views) {
        const mark = renderSourceText(view.title, view.text, view.document, evidence);
        first = first || mark;
      }
      if (first) first.scrollIntoView({block: "center", behavior: "smooth"});
    };
    highlight(incident.evidence || []);
    const select = (field) => highlight(field.evidence);
    renderFields(document.getElementById("fields"), incident, select);
    drawConflicts(incident.conflicts || [], incident.sources, documents, select);
    flagDisputedFields(incident.conflicts || []);
  } catch (failure) {
    document.getElementById("summary").textContent = failure.message.startsWith("404") ? "Incident not found"
      : "Could not load this incident";
    error.textContent = failure.message;
    error.hidden = false;
  }
  document.body.dataset.ready = "1";
}

start();
