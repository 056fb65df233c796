import type { FileScanReport } from "../scan/scan-files";

/** The JSON report (schemas/scan-report.schema.json). */
export function formatJson(report: FileScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
