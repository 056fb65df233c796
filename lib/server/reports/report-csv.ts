import type { ComplianceReport, ReportCluster, ReportControl, ReportEvidence } from "./build-compliance-report";

export const REPORT_CSV_PARTS = ["clusters", "controls", "evidence"] as const;
export type ReportCsvPart = (typeof REPORT_CSV_PARTS)[number];

type Column<Row> = { header: string; value: (row: Row) => string | number | null | undefined };

function cell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  // Spreadsheet apps evaluate cells starting with = + - @ as formulas; object names are user data.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  return [columns.map((c) => cell(c.header)).join(","), ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(","))].join("\r\n") + "\r\n";
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : "");

const CLUSTER_COLUMNS: Column<ReportCluster>[] = [
  { header: "cluster", value: (c) => c.name },
  { header: "provider", value: (c) => c.provider },
  { header: "environment", value: (c) => c.environment },
  { header: "region", value: (c) => c.region },
  { header: "kubernetes_version", value: (c) => c.kubernetesVersion },
  { header: "agent_status", value: (c) => c.agentStatus },
  { header: "evaluated_at", value: (c) => iso(c.evaluatedAt) },
  { header: "score", value: (c) => c.score },
  { header: "risk_score", value: (c) => c.riskScore },
  { header: "controls_passed", value: (c) => c.controls.passed },
  { header: "controls_failed", value: (c) => c.controls.failed },
  { header: "controls_excepted", value: (c) => c.controls.excepted },
  { header: "controls_not_scored", value: (c) => c.controls.notScored },
  { header: "failed_critical", value: (c) => c.failedControlsBySeverity.critical },
  { header: "failed_high", value: (c) => c.failedControlsBySeverity.high },
  { header: "failed_medium", value: (c) => c.failedControlsBySeverity.medium },
  { header: "failed_low", value: (c) => c.failedControlsBySeverity.low },
  { header: "failed_resources", value: (c) => c.failedResources },
  { header: "collection_errors", value: (c) => c.collectionErrors },
  { header: "library_version", value: (c) => c.libraryVersion },
];

const CONTROL_COLUMNS: Column<ReportControl>[] = [
  { header: "control_id", value: (c) => c.id },
  { header: "framework_ref", value: (c) => c.ref },
  { header: "name", value: (c) => c.name },
  { header: "severity", value: (c) => c.severity },
  { header: "status", value: (c) => c.status },
  { header: "clusters_failing", value: (c) => c.clustersFailing },
  { header: "clusters_passing", value: (c) => c.clustersPassing },
  { header: "clusters_excepted", value: (c) => c.clustersExcepted },
  { header: "clusters_not_scored", value: (c) => c.clustersNotScored },
  { header: "failed_resources", value: (c) => c.failedResources },
  { header: "excepted_resources", value: (c) => c.exceptedResources },
  { header: "pass_rate", value: (c) => c.passRate },
];

const EVIDENCE_COLUMNS: Column<ReportEvidence>[] = [
  { header: "cluster", value: (e) => e.clusterName },
  { header: "control_id", value: (e) => e.controlId },
  { header: "framework_ref", value: (e) => e.ref },
  { header: "severity", value: (e) => e.severity },
  { header: "resource", value: (e) => e.resourceKey },
  { header: "finding", value: (e) => e.message },
  { header: "json_paths", value: (e) => (e.paths === null ? "" : e.paths.join(" ")) },
  { header: "first_seen", value: (e) => iso(e.firstSeenAt) },
  { header: "last_seen", value: (e) => iso(e.lastSeenAt) },
  { header: "reopened", value: (e) => (e.occurrence > 1 ? "yes" : "no") },
  { header: "exception", value: (e) => (e.exception ? `${e.exception.reason}${e.exception.owner ? ` (${e.exception.owner})` : ""}` : "") },
];

/** One table of the report as CSV (RFC 4180, CRLF line ends, header row). */
export function reportCsv(report: ComplianceReport, part: ReportCsvPart): string {
  if (part === "clusters") return toCsv(CLUSTER_COLUMNS, report.clusters);
  if (part === "controls") return toCsv(CONTROL_COLUMNS, report.controls);
  return toCsv(EVIDENCE_COLUMNS, report.evidence);
}
