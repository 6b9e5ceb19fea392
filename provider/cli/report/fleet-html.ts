// The fleet summary as one self-contained HTML page: counts per status, a table of every customer stack (sortable
// by any column, filterable by text and status), each row opening that customer's drift, errors and warnings.
// Inline CSS and JS only, allowed by their SHA-256 in a Content-Security-Policy meta that forbids everything else
// (no network, no other script, no inline event handlers).
// Choice: the rows are rendered here, escaped, as HTML (the page reads without JavaScript); the script only sorts,
// filters and opens rows, reading data-* attributes, and never turns report text into HTML.
import { createHash } from "crypto";
import { STATUS_LABEL, type FleetChange, type FleetRow, type FleetStatus, type FleetSummary } from "./fleet-summary";
import type { ShownValue } from "./values";

/** Text safe in HTML element content and in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const STYLE = `
:root { font-family: system-ui, sans-serif; color: #1f2328; background: #fff; }
* { box-sizing: border-box; }
body { margin: 24px; }
td.when { white-space: nowrap; }
h1 { font-size: 22px; margin: 0 0 4px; }
.meta { color: #59636e; margin: 0 0 16px; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 16px; padding: 0; list-style: none; }
.counts li { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 14px; min-width: 90px; }
.counts b { display: block; font-size: 22px; }
.controls { display: flex; gap: 12px; align-items: center; margin-bottom: 12px; }
input, select, button { font: inherit; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid #d1d9e0; vertical-align: top; }
th button { background: none; border: 0; padding: 0; font-weight: 600; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.num, th.num { text-align: right; }
button.open { background: none; border: 0; padding: 0; color: #0969da; cursor: pointer; text-align: left; }
.status { border-radius: 10px; padding: 1px 8px; white-space: nowrap; }
.status-in-sync { background: #dafbe1; }
.status-drift { background: #fff1c2; }
.status-could-not-read { background: #ffe0e0; }
.status-gdap-expiring { background: #ddf4ff; }
tr.details > td { background: #f6f8fa; max-width: 0; }
tr.details table { margin: 4px 0 10px; background: #fff; }
tr.details h3 { font-size: 14px; margin: 8px 0 4px; }
code { font-family: ui-monospace, monospace; font-size: 13px; word-break: break-all; }
.secret, .absent { color: #59636e; font-style: italic; }
`;

const SCRIPT = `
(function () {
  "use strict";
  var table = document.getElementById("fleet");
  var filter = document.getElementById("filter");
  var status = document.getElementById("status-filter");
  var shown = document.getElementById("shown");
  var groups = Array.prototype.slice.call(table.querySelectorAll("tbody.customer"));
  function apply() {
    var text = filter.value.trim().toLowerCase();
    var want = status.value;
    var n = 0;
    groups.forEach(function (g) {
      var ok = (!text || g.dataset.search.indexOf(text) >= 0) && (!want || g.dataset.status === want);
      g.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + " of " + groups.length + " customers shown";
  }
  filter.addEventListener("input", apply);
  status.addEventListener("change", apply);
  table.querySelectorAll("th[data-key]").forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var key = th.dataset.key;
      var numeric = th.dataset.type === "number";
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      table.querySelectorAll("th[data-key]").forEach(function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      groups.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return dir * (c || a.dataset.customer.localeCompare(b.dataset.customer));
      });
      groups.forEach(function (g) { table.appendChild(g); });
    });
  });
  groups.forEach(function (g) {
    var open = g.querySelector("button.open");
    var details = g.querySelector("tr.details");
    open.addEventListener("click", function () {
      details.hidden = !details.hidden;
      open.setAttribute("aria-expanded", String(!details.hidden));
    });
  });
  apply();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const STATUSES = Object.keys(STATUS_LABEL) as FleetStatus[];

function value(v: ShownValue): string {
  switch (v.kind) {
    case "absent":
      return '<span class="absent">absent</span>';
    case "secret":
      return '<span class="secret">secret</span>';
    case "unknown":
      return '<span class="absent">(known after apply)</span>';
    case "value":
      return `<code>${escapeHtml(v.text)}</code>`;
  }
}

function changeRow(c: FleetChange): string {
  const after =
    c.secret && c.old.kind === "secret" && c.new.kind === "secret"
      ? '<span class="secret">secret (changed)</span>'
      : value(c.new);
  return `<tr><td><code>${escapeHtml(c.name)}</code></td><td>${value(c.old)}</td><td>${after}</td></tr>`;
}

function who(x: { type?: string; name?: string; customerId?: string }): string {
  if (!x.type) return "";
  const customer = x.customerId ? ` (customer <code>${escapeHtml(x.customerId)}</code>)` : "";
  return `<code>${escapeHtml(x.type)}</code> <code>${escapeHtml(x.name ?? "")}</code>${customer}: `;
}

function details(r: FleetRow): string {
  let html = `<p>Stack <code>${escapeHtml(r.stack)}</code>${r.project ? ` of project <code>${escapeHtml(r.project)}</code>` : ""}, checked ${escapeHtml(r.checkedAt)}, report <code>${escapeHtml(r.file)}</code>.`;
  if (r.customerIds.length)
    html += ` Customer ids: ${r.customerIds.map((c) => `<code>${escapeHtml(c)}</code>`).join(", ")}.`;
  html += "</p>";
  if (r.errors.length) {
    html += "<h3>Could not be read (errors, not drift)</h3><ul>";
    for (const e of r.errors) html += `<li>${who(e)}${escapeHtml(e.message)}</li>`;
    html += "</ul>";
  }
  if (r.warnings.length) {
    html += "<h3>Warnings (not drift)</h3><ul>";
    for (const w of r.warnings) html += `<li>${who(w)}${escapeHtml(w.message)}</li>`;
    html += "</ul>";
  }
  if (r.drift.length) {
    html += "<h3>Drift</h3>";
    for (const d of r.drift) {
      html +=
        d.kind === "removed"
          ? `<p><b>removed</b> ${who(d)}gone from Partner Center (<code>pulumi up</code> creates it again).</p>`
          : `<p><b>changed</b> ${who(d)}</p>`;
      if (d.changes.length)
        html += `<table><thead><tr><th>property</th><th>${d.kind === "removed" ? "stored" : "stack"}</th><th>${d.kind === "removed" ? "now" : "Partner Center now"}</th></tr></thead><tbody>${d.changes.map(changeRow).join("")}</tbody></table>`;
    }
  }
  if (!r.errors.length && !r.warnings.length && !r.drift.length)
    html += "<p>Every resource matches Partner Center.</p>";
  return html;
}

/** `2026-12-01 03:17 UTC` for an ISO time (the data attribute keeps the full one for sorting). */
function shortTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function row(r: FleetRow): string {
  const c = r.counts;
  const data = {
    customer: r.customer,
    status: r.status,
    checked: r.checkedAt,
    resources: String(c.resources),
    changed: String(c.changed),
    removed: String(c.removed),
    unreadable: String(c.errors),
    warnings: String(r.warnings.length),
    search: [r.customer, r.stack, ...r.customerIds].join(" ").toLowerCase(),
  };
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join("");
  return (
    `<tbody class="customer"${attrs}><tr class="summary">` +
    `<td><button type="button" class="open" aria-expanded="false">${escapeHtml(r.customer)}</button></td>` +
    `<td><span class="status status-${r.status}">${STATUS_LABEL[r.status]}</span></td>` +
    `<td class="when">${escapeHtml(shortTime(r.checkedAt))}</td>` +
    `<td class="num">${c.resources}</td><td class="num">${c.changed}</td><td class="num">${c.removed}</td>` +
    `<td class="num">${c.errors}</td><td class="num">${r.warnings.length}</td></tr>` +
    `<tr class="details" hidden><td colspan="8">${details(r)}</td></tr></tbody>`
  );
}

const COLUMNS: Array<[key: string, label: string, type: "text" | "number"]> = [
  ["customer", "Customer", "text"],
  ["status", "Status", "text"],
  ["checked", "Checked at", "text"],
  ["resources", "Resources", "number"],
  ["changed", "Changed", "number"],
  ["removed", "Removed", "number"],
  ["unreadable", "Errors", "number"],
  ["warnings", "Warnings", "number"],
];

export function renderFleetHtml(s: FleetSummary): string {
  const counts = [
    `<li id="count-customers"><b>${s.counts.customers}</b>customers</li>`,
    ...STATUSES.map((st) => `<li id="count-${st}"><b>${s.counts[st]}</b>${STATUS_LABEL[st]}</li>`),
  ].join("");
  const head = COLUMNS.map(
    ([key, label, type]) =>
      `<th data-key="${key}" data-type="${type}"${type === "number" ? ' class="num"' : ""}><button type="button">${label}</button></th>`,
  ).join("");
  const options = STATUSES.map((st) => `<option value="${st}">${STATUS_LABEL[st]} (${s.counts[st]})</option>`).join("");
  const superseded = s.superseded.length
    ? `<p class="meta">Older reports not shown (a newer one of the same stack is): ${s.superseded.map((x) => `<code>${escapeHtml(x.file)}</code>`).join(", ")}.</p>`
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner Center fleet: ${s.counts.customers} customers</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Partner Center fleet</h1>
<p class="meta">Last drift run ${escapeHtml(shortTime(s.lastRun))}; page generated ${escapeHtml(shortTime(s.generatedAt))}. ${s.counts.gdapExpiring} customer${s.counts.gdapExpiring === 1 ? "" : "s"} with GDAP relationships expiring soon.</p>
<ul class="counts">${counts}</ul>
${superseded}<div class="controls">
<label>Filter <input id="filter" type="search" placeholder="customer, stack or tenant id"></label>
<label>Status <select id="status-filter"><option value="">all</option>${options}</select></label>
<span id="shown">${s.counts.customers} of ${s.counts.customers} customers shown</span>
</div>
<table id="fleet">
<thead><tr>${head}</tr></thead>
${s.rows.map(row).join("\n")}
</table>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
