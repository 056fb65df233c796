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

/** One row per finding (RFC 4180), written a row at a time. */
export function* formatCsv(report: FileScanReport): Generator<string> {
  const names = new Map(report.controls.map((c) => [c.id, c.name]));
  yield `${COLUMNS.join(",")}\r\n`;
  for (const f of report.findings) {
    const row = [
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
    ];
    yield `${row.map(cell).join(",")}\r\n`;
  }
}
