import { parseLabelFilter } from "@/lib/server/dashboard/fleet-filters";
import { EVIDENCE_PATH_CLUSTERS, type ComplianceReport } from "./build-compliance-report";

// The report as one self-contained, printable HTML document (inline CSS, no scripts, no external
// resources): opened in a browser to print, and rendered to PDF by headless Chromium.

function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const date = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");
const score = (s: number | null | undefined) => (s === null || s === undefined ? "—" : `${s.toFixed(1)}%`);
const SEVERITY_MARK: Record<string, string> = { critical: "◆ Critical", high: "▲ High", medium: "● Medium", low: "○ Low" };
const STATUS_TEXT: Record<string, string> = { failing: "✕ Failing", excepted: "⊘ Excepted", passing: "✓ Passing", not_evaluated: "– Not evaluated" };

function resource(key: string): string {
  if (key === "cluster") return "Cluster (cluster-wide)";
  const parts = key.split("/");
  if (parts[0] === "subject") return `${parts[1]} (subject) ${parts[2] ? `${parts[2]}/` : ""}${parts.slice(3).join("/")}`;
  return `${parts[1]} ${parts[2] ? `${parts[2]}/` : ""}${parts.slice(3).join("/")}`;
}

function filtersText(r: ComplianceReport): string {
  const f = r.filters;
  const label = parseLabelFilter(f.label);
  const parts = [
    f.provider?.length ? `provider ${f.provider.join(", ")}` : null,
    f.environment?.length ? `environment ${f.environment.join(", ")}` : null,
    label ? `label ${label.key}${label.value !== null ? `=${label.value}` : ""}` : null,
  ].filter(Boolean);
  return parts.length ? `Clusters filtered by ${parts.join("; ")}` : "All clusters of the organization";
}

const CSS = `
  @page { size: A4; margin: 16mm 12mm 16mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #18181b; font-size: 10.5px; line-height: 1.4; margin: 0; }
  main { max-width: 1100px; margin: 0 auto; padding: 24px; }
  @media print { main { padding: 0; max-width: none; } }
  h1 { font-size: 20px; margin: 0 0 4px; }
  h2 { font-size: 14px; margin: 22px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #e4e4e7; break-after: avoid; }
  .meta { color: #52525b; margin: 0 0 2px; }
  .grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 10px 0; }
  .stat { border: 1px solid #e4e4e7; border-radius: 6px; padding: 8px 10px; }
  .stat .label { color: #71717a; font-size: 9.5px; }
  .stat .value { font-size: 17px; font-weight: 700; }
  table { width: 100%; border-collapse: collapse; margin: 6px 0; }
  th, td { text-align: left; padding: 3px 5px; border-bottom: 1px solid #e4e4e7; vertical-align: top; }
  th { background: #f4f4f5; font-size: 9.5px; color: #3f3f46; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 9px; overflow-wrap: anywhere; }
  .sev-critical { color: #991b1b; font-weight: 700; } .sev-high { color: #9a3412; font-weight: 700; } .sev-medium { color: #92400e; } .sev-low { color: #075985; }
  .failing { color: #991b1b; } .passing { color: #166534; } .excepted { color: #6d28d9; } .muted { color: #71717a; }
  ul { margin: 4px 0; padding-left: 18px; }
  .note { color: #52525b; font-size: 9.5px; }
`;

/** The whole report as a printable HTML document. */
export function renderReportHtml(r: ComplianceReport): string {
  const s = r.summary;
  const clusterRows = r.clusters
    .map(
      (c) => `<tr>
        <td>${esc(c.name)}<div class="muted">${esc(c.provider)} · ${esc(c.environment)}${c.region ? ` · ${esc(c.region)}` : ""}</div></td>
        <td>${esc(c.kubernetesVersion ?? "—")}</td>
        <td>${c.agentStatus === "stale" ? "⚠ stale" : c.agentStatus === "never_seen" ? "never reported" : "reporting"}${c.collectionErrors ? `<div class="muted">partial: ${c.collectionErrors} type(s) not collected</div>` : ""}</td>
        <td>${esc(date(c.evaluatedAt))}</td>
        <td class="num">${score(c.score)}</td>
        <td class="num">${score(c.riskScore)}</td>
        <td class="num">${c.controls.passed}</td>
        <td class="num">${c.controls.failed}</td>
        <td class="num">${c.controls.excepted}</td>
        <td class="num">${c.failedControlsBySeverity.critical} / ${c.failedControlsBySeverity.high}</td>
        <td class="num">${c.failedResources}</td>
      </tr>`,
    )
    .join("");
  const controlRows = r.controls
    .map(
      (c) => `<tr>
        <td><code>${esc(c.id)}</code></td>
        <td>${esc(c.ref ?? "")}</td>
        <td>${esc(c.name)}</td>
        <td class="sev-${c.severity}">${SEVERITY_MARK[c.severity]}</td>
        <td class="${c.status}">${STATUS_TEXT[c.status]}</td>
        <td class="num">${c.clustersFailing} / ${c.clustersFailing + c.clustersPassing + c.clustersExcepted}</td>
        <td class="num">${c.failedResources}</td>
        <td class="num">${c.exceptedResources}</td>
        <td class="num">${c.passRate === null ? "—" : `${c.passRate.toFixed(1)}%`}</td>
      </tr>`,
    )
    .join("");
  const evidenceRows = r.evidence
    .map(
      (e) => `<tr>
        <td>${esc(e.clusterName)}</td>
        <td><code>${esc(e.controlId)}</code>${e.ref ? `<div class="muted">${esc(e.ref)}</div>` : ""}</td>
        <td class="sev-${e.severity}">${SEVERITY_MARK[e.severity]}</td>
        <td>${esc(resource(e.resourceKey))}<div class="muted">${esc(e.message)}</div></td>
        <td>${e.paths === null ? '<span class="muted">not computed</span>' : e.paths.length ? e.paths.map((p) => `<code>${esc(p)}</code>`).join("<br>") : '<span class="muted">whole object</span>'}</td>
        <td>${esc(date(e.firstSeenAt))}${e.occurrence > 1 ? '<div class="muted">reopened</div>' : ""}</td>
        <td>${esc(date(e.lastSeenAt))}</td>
        <td>${e.exception ? `<span class="excepted">⊘ ${esc(e.exception.reason)}</span>${e.exception.owner ? `<div class="muted">${esc(e.exception.owner)}</div>` : ""}` : ""}</td>
      </tr>`,
    )
    .join("");
  const exceptionRows = r.exceptions
    .map(
      (e) => `<tr><td><code>${esc(e.controlIds.join(", "))}</code></td><td>${esc(e.reason)}</td><td>${esc(e.owner ?? "—")}</td><td>${e.expiresAt ? esc(date(e.expiresAt)) : "no expiry"}${e.expiresAt && new Date(e.expiresAt) < r.generatedAt ? " (expired)" : ""}</td><td class="num">${e.coveredFindings}</td></tr>`,
    )
    .join("");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(r.title)}</title>
<meta name="generator" content="Shipshape">
<style>${CSS}</style>
</head>
<body>
<main>
  <h1>${esc(r.title)}</h1>
  <p class="meta">${esc(r.framework.name)} ${esc(r.framework.version)} · ${r.framework.controls} controls · ${esc(filtersText(r))}</p>
  <p class="meta">Generated ${esc(date(r.generatedAt))} · Shipshape engine ${esc(r.versions.engine)}, control library ${esc(r.versions.library)}${r.versions.evaluatedWith.length ? ` (clusters last evaluated with library ${esc(r.versions.evaluatedWith.join(", "))})` : ""}</p>

  <h2>Executive summary</h2>
  <div class="grid">
    <div class="stat"><div class="label">Compliance score (mean of clusters)</div><div class="value" data-field="score">${score(s.score)}</div></div>
    <div class="stat"><div class="label">Risk score (severity-weighted, 0 = none)</div><div class="value">${score(s.riskScore)}</div></div>
    <div class="stat"><div class="label">Clusters evaluated</div><div class="value">${s.clustersEvaluated} / ${s.clusters}</div></div>
    <div class="stat"><div class="label">Failing resources (excepted)</div><div class="value">${s.failedResources} <span class="muted" style="font-size:11px">(${s.exceptedResources})</span></div></div>
  </div>
  <p>Controls: <span class="failing">${s.controls.failing} failing</span> (${s.failingControlsBySeverity.critical} critical, ${s.failingControlsBySeverity.high} high, ${s.failingControlsBySeverity.medium} medium, ${s.failingControlsBySeverity.low} low), <span class="excepted">${s.controls.excepted} excepted</span>, <span class="passing">${s.controls.passing} passing</span>, ${s.controls.not_evaluated} not evaluated (skipped for missing data, manual, or nothing to judge — not counted in scores).</p>
  ${s.staleClusters || s.partialClusters ? `<p class="note">⚠ ${s.staleClusters} cluster(s) have not reported recently and are shown with their last evaluation; ${s.partialClusters} cluster(s) sent partial snapshots (some resource types not collected).</p>` : ""}
  ${s.worstClusters.length ? `<p>Lowest-scoring clusters: ${s.worstClusters.map((c) => `${esc(c.name)} (${score(c.score)})`).join(", ")}.</p>` : ""}
  ${s.topRisks.length ? `<p>Top risks:</p><ul>${s.topRisks.map((t) => `<li><span class="sev-${t.severity}">${SEVERITY_MARK[t.severity]}</span> <code>${esc(t.id)}</code> ${esc(t.name)} — failing in ${t.clustersFailing} cluster(s), ${t.failedResources} resource(s)</li>`).join("")}</ul>` : "<p>No control of this framework fails.</p>"}
  <p class="note">Scores: per control, passed ÷ (passed + failed) resources with excepted resources counted as passed; per cluster, the mean over its scored controls (Kubescape-compatible); for the organization, the mean over clusters. The risk score weights failing resources by severity (critical 10, high 7, medium 4, low 1).</p>

  <h2>Clusters (${r.clusters.length})</h2>
  <table>
    <thead><tr><th>Cluster</th><th>Version</th><th>Agent</th><th>Evaluated</th><th class="num">Score</th><th class="num">Risk</th><th class="num">Passed</th><th class="num">Failed</th><th class="num">Excepted</th><th class="num">Crit./high failed</th><th class="num">Failing resources</th></tr></thead>
    <tbody>${clusterRows || '<tr><td colspan="11" class="muted">No cluster matches.</td></tr>'}</tbody>
  </table>

  <h2>Controls (${r.controls.length})</h2>
  <table>
    <thead><tr><th>ID</th><th>Ref</th><th>Control</th><th>Severity</th><th>Status</th><th class="num">Clusters failing</th><th class="num">Failing resources</th><th class="num">Excepted</th><th class="num">Pass rate</th></tr></thead>
    <tbody>${controlRows}</tbody>
  </table>

  <h2>Exceptions in effect (${r.exceptions.length})</h2>
  ${r.exceptions.length ? `<table><thead><tr><th>Controls</th><th>Reason</th><th>Owner</th><th>Expires</th><th class="num">Covers</th></tr></thead><tbody>${exceptionRows}</tbody></table>` : '<p class="muted">No exception applies to this framework.</p>'}

  <h2>Evidence: failing objects (${r.evidenceTotal})</h2>
  <p class="note">Every open finding of the framework's controls in the clusters above: the object, the JSON paths at fault (recomputed on the cluster's current objects), when it was first seen failing and the latest evaluation that still found it.${r.evidence.length < r.evidenceTotal ? ` The first ${r.evidence.length} are listed; download the JSON or CSV for all.` : ""}${r.evidenceWithoutPaths ? ` ${r.evidenceWithoutPaths} finding(s) have no paths computed (clusters beyond the first ${EVIDENCE_PATH_CLUSTERS}).` : ""}</p>
  <table>
    <thead><tr><th>Cluster</th><th>Control</th><th>Severity</th><th>Object and finding</th><th>JSON paths</th><th>First seen</th><th>Last seen</th><th>Exception</th></tr></thead>
    <tbody>${evidenceRows || '<tr><td colspan="8" class="muted">No failing object.</td></tr>'}</tbody>
  </table>
</main>
</body>
</html>`;
}
