// "Paste a report": extract without storing, then show every incident's fields over the clean text.
import {api, el, renderFields, renderSourceText} from "./common.js";

const form = document.getElementById("report");

function show(record) {
  const title = document.getElementById("doc-title");
  const text = document.getElementById("doc-text");
  const highlight = (evidence) => {
    const mark = renderSourceText(title, text, record, evidence);
    if (mark) mark.scrollIntoView({block: "center", behavior: "smooth"});
  };
  renderSourceText(title, text, record, []);
  const incidents = document.getElementById("incidents");
  incidents.replaceChildren();
  if (!record.incidents.length) incidents.append(el("p", {class: "empty"}, "No violent incident found in this report."));
  record.incidents.forEach((incident, n) => {
    const fields = el("dl", {class: "fields"});
    incidents.append(el("h3", {}, `${n + 1}. ${incident.is_primary ? "Main incident" : "Other incident"}`), fields);
    renderFields(fields, incident, (field) => highlight(field.evidence));
  });
  document.getElementById("warnings").textContent = record.warnings.length ? `Warnings: ${record.warnings.join("; ")}` : "";
  document.getElementById("result").hidden = false;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = form.elements.body.value;
  const report = {title: form.elements.title.value.trim() || null, published: form.elements.published.value.trim() || null};
  report[/^\s*</.test(body) ? "html" : "text"] = body;
  const status = document.getElementById("status");
  const error = document.getElementById("error");
  status.textContent = "Extracting…";
  error.hidden = true;
  try {
    show(await api("/api/extract", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(report)}));
    status.textContent = "";
  } catch (failure) {
    status.textContent = "";
    error.textContent = `Could not extract: ${failure.message}`;
    error.hidden = false;
  }
  document.body.dataset.extracted = "1";
});
document.body.dataset.ready = "1";
