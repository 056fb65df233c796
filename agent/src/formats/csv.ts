import type { FileScanReport } from "../scan/scan-files";

const COLUMNS = [
  "controlId", "controlName", "severity", "status", "kind", "namespace", "name", "subject", "paths", "message", "file", "line",
] as const;

function cell(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  // Quote always; neutralise spreadsheet formula injection.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row per finding (RFC 4180). */
export function formatCsv(report: FileScanReport): string {
  const names = new Map(report.controls.map((c) => [c.id, c.name]));
  const rows = [COLUMNS.join(",")];
  for (const f of report.findings) {
    rows.push(
      [
        f.controlId,
        names.get(f.controlId),
        f.severity,
        f.exceptionId ? "excepted" : "failed",
        f.object?.kind ?? "",
        f.object?.namespace ?? f.subject?.namespace ?? "",
        f.object?.name ?? "",
        f.subject ? `${f.subject.kind}:${f.subject.namespace ? `${f.subject.namespace}/` : ""}${f.subject.name}` : "",
        f.paths.join(" "),
        f.message,
        f.location?.file ?? "",
        f.location?.line ?? "",
      ].map(cell).join(","),
    );
  }
  return `${rows.join("\r\n")}\r\n`;
}
