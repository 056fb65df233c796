import type { FileScanReport } from "../scan/scan-files";

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
}

/**
 * JUnit XML: one test case per control; failed controls carry their findings, unevaluated ones are
 * skipped. Written a finding at a time (xml() escapes character by character, so pieces escape alike).
 */
export function* formatJunit(report: FileScanReport): Generator<string> {
  const failures = report.controls.filter((c) => c.status === "failed").length;
  const skipped = report.controls.filter((c) => ["skipped", "manual", "not_applicable"].includes(c.status)).length;
  const byControl = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    if (f.exceptionId) continue;
    if (!byControl.has(f.controlId)) byControl.set(f.controlId, []);
    byControl.get(f.controlId)!.push(f);
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n`;
  yield `<testsuites name="shipshape" tests="${report.controls.length}" failures="${failures}" skipped="${skipped}">\n`;
  yield `  <testsuite name="shipshape scan" tests="${report.controls.length}" failures="${failures}" skipped="${skipped}" errors="0" timestamp="${report.generatedAt}">\n`;
  for (const c of report.controls) {
    const name = xml(`${c.id} ${c.name}`);
    const classname = xml(`shipshape.${c.category}`);
    if (c.status === "failed") {
      yield `    <testcase name="${name}" classname="${classname}">\n      <failure message="${xml(`${c.counts.failed} of ${c.counts.total} resources fail (${c.severity})`)}" type="${c.severity}">`;
      let first = true;
      for (const f of byControl.get(c.id) ?? []) {
        const who = f.object
          ? `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`
          : `${f.subject?.kind} ${f.subject?.name}`;
        const where = f.location ? ` (${f.location.file}:${f.location.line})` : "";
        yield xml(`${first ? "" : "\n"}${who}: ${f.message}${where}${f.paths.length ? ` [${f.paths.join(", ")}]` : ""}`);
        first = false;
      }
      yield `</failure>\n    </testcase>\n`;
    } else if (c.status === "skipped" || c.status === "manual" || c.status === "not_applicable") {
      yield `    <testcase name="${name}" classname="${classname}">\n      <skipped message="${xml(c.status + (c.reason ? `: ${c.reason}` : ""))}"/>\n    </testcase>\n`;
    } else yield `    <testcase name="${name}" classname="${classname}"/>\n`;
  }
  yield `  </testsuite>\n</testsuites>\n`;
}
