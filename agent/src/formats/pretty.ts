// Human-readable terminal output: framework scores, then failing controls by severity with locations.
import type { Severity } from "../../../lib/engine/types";
import type { FileScanReport } from "../scan/scan-files";

const ORDER: Severity[] = ["critical", "high", "medium", "low"];

export function formatPretty(report: FileScanReport, options: { color: boolean; verbose?: boolean }): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const sevLabel: Record<Severity, string> = {
    critical: paint("1;31", "CRITICAL"),
    high: paint("31", "HIGH    "),
    medium: paint("33", "MEDIUM  "),
    low: paint("36", "LOW     "),
  };
  const out: string[] = [];
  const { inputs } = report;
  out.push(paint("1", `Shipshape scan — ${inputs.objects} objects from ${inputs.files.length} file(s), library ${report.libraryVersion}`));
  for (const w of inputs.errors) out.push(paint("31", `  error  ${w.file}${w.line ? `:${w.line}` : ""}: ${w.message}`));
  for (const w of inputs.warnings) out.push(paint("2", `  note   ${w.file}${w.line ? `:${w.line}` : ""}: ${w.message}`));
  out.push("");

  const byControl = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    if (!byControl.has(f.controlId)) byControl.set(f.controlId, []);
    byControl.get(f.controlId)!.push(f);
  }
  const failed = report.controls
    .filter((c) => c.status === "failed")
    .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.id.localeCompare(b.id));
  for (const c of failed) {
    out.push(`${sevLabel[c.severity]} ${paint("1", c.id)} ${c.name}  ${paint("2", `${c.counts.failed}/${c.counts.total} resources fail`)}`);
    const findings = (byControl.get(c.id) ?? []).filter((f) => !f.exceptionId);
    const shown = options.verbose ? findings : findings.slice(0, 5);
    for (const f of shown) {
      const who = f.object
        ? `${f.object.kind}/${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`
        : `${f.subject?.kind}/${f.subject?.namespace ? `${f.subject.namespace}/` : ""}${f.subject?.name}`;
      const where = f.location ? paint("2", ` ${f.location.file}:${f.location.line}`) : "";
      out.push(`    ${who}: ${f.message}${where}`);
      if (f.paths.length) out.push(paint("2", `      at ${f.paths.join(", ")}`));
    }
    if (findings.length > shown.length) out.push(paint("2", `    … ${findings.length - shown.length} more (use --verbose)`));
  }
  if (failed.length) out.push("");

  out.push(paint("1", "Framework scores (compliance %, risk 0–100)"));
  for (const fw of report.frameworks) {
    if (fw.controls.length === 0) continue;
    const score = fw.score === null ? "  n/a" : `${fw.score.toFixed(1).padStart(5)}%`;
    const k = fw.counts;
    out.push(`  ${fw.name.padEnd(40)} ${score}  risk ${fw.riskScore.toFixed(1).padStart(5)}  ${paint("2", `${k.failed} failed, ${k.passed} passed, ${k.excepted} excepted, ${k.skipped} skipped, ${k.manual} manual`)}`);
  }
  const s = report.summary;
  out.push("");
  out.push(
    `Controls: ${s.controls.failed} failed (${ORDER.map((sev) => `${s.failedBySeverity[sev]} ${sev}`).join(", ")}), ${s.controls.passed} passed, ${s.controls.excepted} excepted, ${s.controls.skipped} skipped, ${s.controls.not_applicable} not applicable, ${s.controls.manual} manual`,
  );
  return `${out.join("\n")}\n`;
}
