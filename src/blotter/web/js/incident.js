// One merged incident: every field, its conflicts, and its source reports with the evidence marked.
import {api, el, renderFields, renderSourceText, safeLink} from "./common.js";

function conflictValue(value) {
  if (value === null || value === undefined) return "unknown";
  if (typeof value !== "object") return String(value);
  if ("best" in value) return String(value.best ?? "unknown");
  if ("start" in value) return [value.start, value.end !== value.start ? value.end : null].filter(Boolean).join(" – ") || "unknown";
  if ("name" in value) return [value.name, value.country].filter(Boolean).join(", ");
  return JSON.stringify(value);
}

function drawConflicts(conflicts, titles) {
  if (!conflicts.length) return;
  document.getElementById("conflicts-panel").hidden = false;
  document.getElementById("conflicts").replaceChildren(...conflicts.map((conflict) =>
    el("div", {class: "conflict"}, el("h3", {}, conflict.field),
      el("div", {class: "side-by-side"}, conflict.values.map((entry) =>
        el("div", {class: "conflict-value"}, el("strong", {}, conflictValue(entry.value)),
          el("span", {class: "source-name"}, titles.get(entry.document_id) || entry.document_id)))))));
}

async function start() {
  const id = new URLSearchParams(location.search).get("id");
  const error = document.getElementById("error");
  try {
    if (!id) throw new Error("no incident id in the address");
    const incident = await api(`/api/incidents/${encodeURIComponent(id)}`);
    document.title = `Blotter – ${incident.summary || incident.id}`;
    document.getElementById("summary").textContent = incident.summary || incident.id;
    document.getElementById("meta").textContent =
      `${incident.sources.length} source${incident.sources.length === 1 ? "" : "s"} · first reported ${incident.first_reported || "?"} · id ${incident.id}`;
    const documents = await Promise.all(incident.sources.map((source) =>
      api(`/api/documents/${encodeURIComponent(source.document_id)}`).catch(() => ({id: source.document_id, title: source.title, text: ""}))));
    const views = documents.map((document, n) => {
      const source = incident.sources[n];
      const title = el("h3", {class: "source-title"});
      const text = el("div", {class: "source-text"});
      const box = el("article", {class: "source", "data-document": document.id}, title,
        el("p", {class: "meta"}, source.published || "", " ", source.url ? safeLink(source.url, "open the original") : ""),
        text);
      return {document, title, text, box};
    });
    document.getElementById("sources").replaceChildren(...views.map((view) => view.box));
    const highlight = (evidence) => {
      let first = null;
      for (const view of views) {
        const mark = renderSourceText(view.title, view.text, view.document, evidence);
        first = first || mark;
      }
      if (first) first.scrollIntoView({block: "center", behavior: "smooth"});
    };
    highlight(incident.evidence || []);
    renderFields(document.getElementById("fields"), incident, (field) => highlight(field.evidence));
    drawConflicts(incident.conflicts || [], new Map(documents.map((d) => [d.id, d.title || d.id])));
  } catch (failure) {
    document.getElementById("summary").textContent = "Incident not found";
    error.textContent = failure.message;
    error.hidden = false;
  }
  document.body.dataset.ready = "1";
}

start();
