import type { FileScanReport } from "../scan/scan-files";
import { jsonChunks, StreamedArray } from "./json-stream";

/** The JSON report (schemas/scan-report.schema.json), written a finding at a time. */
export function* formatJson(report: FileScanReport): Generator<string> {
  yield* jsonChunks({ ...report, findings: new StreamedArray(report.findings) });
  yield "\n";
}
