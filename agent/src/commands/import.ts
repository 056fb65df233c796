// `shipshape import kubescape|vulns <file>`: read another tool's results, check them locally, then
// print what Shipshape makes of them, or upload them to the backend (docs/imports.md).
import fs from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { Command } from "commander";
import { ImportError, MAX_IMPORT_BYTES, readJsonInput } from "../../../lib/imports/import-error";
import { importKubescapeResults, type ImportedScan } from "../../../lib/imports/kubescape";
import { importVulnerabilityReports, VULNERABILITY_SEVERITIES, type VulnerabilityImport } from "../../../lib/imports/vulnerabilities";
import type { Severity } from "../../../lib/engine/types";
import { EXIT_OK, RuntimeFailure, UsageError } from "../errors";
import { AuthRejectedError, BackendClient, BackendRejectedError } from "../transport/backend-client";

export const IMPORT_ROUTES = {
  kubescape: "/api/agent/v1/imports/kubescape",
  vulns: "/api/agent/v1/imports/vulnerabilities",
} as const;

type ImportKind = keyof typeof IMPORT_ROUTES;
const FORMATS = ["pretty", "json"] as const;

export interface ImportOptions {
  server?: string;
  token?: string;
  clusterName?: string;
  format: string;
  output?: string;
  caFile?: string;
  timeout?: string;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads the file (or standard input for `-`), refusing more than the import limit before reading it all. */
async function readInput(file: string): Promise<Buffer> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_IMPORT_BYTES) throw new UsageError(`standard input holds more than ${mb(MAX_IMPORT_BYTES)}; imports are limited to ${mb(MAX_IMPORT_BYTES)}`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`, { cause: error });
  }
  if (size > MAX_IMPORT_BYTES) throw new UsageError(`${file} is ${mb(size)}; imports are limited to ${mb(MAX_IMPORT_BYTES)}`);
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new RuntimeFailure(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function asUsageError(file: string, error: unknown): never {
  if (error instanceof ImportError) {
    const details = error.issues.length > 1 ? `\n${error.issues.map((i) => `  ${i.path || "(document)"}: ${i.message}`).join("\n")}` : "";
    throw new UsageError(`${file === "-" ? "standard input" : file}: ${error.message}${details}`, { cause: error });
  }
  throw error;
}

const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium", "low"];

/** Terminal summary of an imported Kubescape scan. */
export function formatImportedScan(imported: ImportedScan): string {
  const { report, source } = imported;
  const out: string[] = [];
  const what = report.cluster?.name ? `cluster ${report.cluster.name}` : `${source.target} scan`;
  out.push(`Kubescape ${source.version ?? "(version unknown)"} — ${what}${report.cluster?.kubernetesVersion ? `, Kubernetes ${report.cluster.kubernetesVersion}` : ""}${source.generatedAt ? `, generated ${source.generatedAt}` : ""}`);
  out.push(`${report.controls.length} controls (${imported.unmappedControls.length} without a Shipshape equivalent), ${report.summary.objects} objects, ${report.summary.findings} findings`);
  out.push("");
  const failed = report.controls
    .filter((c) => c.status === "failed")
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.id.localeCompare(b.id));
  for (const c of failed) {
    out.push(`  ${c.severity.toUpperCase().padEnd(8)} ${c.id.padEnd(10)} ${c.name}  (${c.counts.failed}/${c.counts.total} resources fail)`);
  }
  if (failed.length) out.push("");
  out.push("Framework scores (ours: compliance %, risk 0–100; covered = our controls Kubescape's results include)");
  for (const f of report.frameworks) {
    const coverage = imported.frameworkCoverage.find((c) => c.frameworkId === f.id);
    const score = f.score === null ? "  n/a" : `${f.score.toFixed(1).padStart(5)}%`;
    out.push(`  ${f.name.padEnd(40)} ${score}  risk ${f.riskScore.toFixed(1).padStart(5)}  covered ${coverage?.covered ?? 0}/${coverage?.total ?? 0}`);
  }
  if (imported.kubescapeScores.frameworks.length) {
    out.push("Kubescape's own scores");
    for (const f of imported.kubescapeScores.frameworks) {
      const compliance = f.complianceScore === null ? "" : `compliance ${f.complianceScore.toFixed(1)}%`;
      const risk = f.score === null ? "" : `risk ${f.score.toFixed(1)}`;
      out.push(`  ${f.name.padEnd(40)} ${[compliance, risk].filter(Boolean).join(", ")}`);
    }
  }
  const s = report.summary;
  out.push("");
  out.push(
    `Controls: ${s.controls.failed} failed (${SEVERITY_ORDER.map((sev) => `${s.failedBySeverity[sev]} ${sev}`).join(", ")}), ${s.controls.passed} passed, ${s.controls.excepted} excepted, ${s.controls.skipped} skipped, ${s.controls.not_applicable} not applicable, ${s.controls.manual} manual`,
  );
  for (const w of imported.warnings) out.push(`note: ${w}`);
  return `${out.join("\n")}\n`;
}

/** Terminal summary of imported vulnerability reports. */
export function formatVulnerabilityImport(imported: VulnerabilityImport): string {
  const out: string[] = [];
  for (const r of imported.reports) {
    const counts = Object.fromEntries(VULNERABILITY_SEVERITIES.map((s) => [s, 0])) as Record<string, number>;
    for (const v of r.vulnerabilities) counts[v.severity]++;
    out.push(`${r.image.reference}  (${r.scanner.name}${r.scanner.version ? ` ${r.scanner.version}` : ""}${r.scannedAt ? `, ${r.scannedAt}` : ""})`);
    out.push(`  ${r.image.repository}${r.image.tag ? `:${r.image.tag}` : ""}${r.image.digest ? `@${r.image.digest}` : ""}`);
    out.push(`  ${r.vulnerabilities.length} vulnerabilities: ${VULNERABILITY_SEVERITIES.map((s) => `${counts[s]} ${s}`).join(", ")}`);
    for (const v of r.vulnerabilities.filter((x) => x.severity === "critical" || x.severity === "high").slice(0, 10)) {
      out.push(`    ${v.severity.toUpperCase().padEnd(8)} ${v.id} in ${v.package} ${v.installedVersion}${v.fixedVersion ? ` (fixed in ${v.fixedVersion})` : ""}`);
    }
  }
  for (const w of imported.warnings) out.push(`note: ${w}`);
  return `${out.join("\n")}\n`;
}

/** The upload body: `{ clusterName?, report: <the file's JSON, verbatim> }`, gzip-compressed. */
export function importRequestBody(raw: Buffer, clusterName: string | undefined): Buffer {
  let text = raw.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const head = clusterName ? `{"clusterName":${JSON.stringify(clusterName)},"report":` : `{"report":`;
  return gzipSync(Buffer.from(`${head}${text.trim()}}`, "utf8"));
}

async function write(text: string, output: string | undefined): Promise<void> {
  if (output) {
    try {
      await fs.writeFile(output, text);
    } catch (error) {
      throw new RuntimeFailure(`cannot write ${output}: ${(error as Error).message}`, { cause: error });
    }
    return;
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
}

export async function runImportCommand(kind: ImportKind, file: string | undefined, options: ImportOptions): Promise<number> {
  if (!file) throw new UsageError(`give the ${kind === "kubescape" ? "Kubescape JSON results" : "Trivy or Grype JSON report"} file to import, or - to read standard input`);
  const format = options.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format ${options.format} (use ${FORMATS.join(", ")})`);
  // Uploading is asked for explicitly (--server); a SHIPSHAPE_SERVER in the environment alone never sends data.
  const server = options.server;
  const token = options.token ?? process.env.SHIPSHAPE_TOKEN;
  if (server && !token) throw new UsageError("--server needs --token (or SHIPSHAPE_TOKEN)");
  if (!server && options.token) throw new UsageError("--token is only used with --server");
  const upload = !!server;
  const timeoutSeconds = options.timeout === undefined ? 120 : Number(options.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError("--timeout takes a positive number of seconds");

  const raw = await readInput(file);
  // Checked locally either way: a wrong or broken file is refused before anything is sent.
  let summary: string;
  let json: unknown;
  try {
    const value = readJsonInput(raw);
    if (kind === "kubescape") {
      const imported = importKubescapeResults(value, { clusterName: options.clusterName });
      summary = formatImportedScan(imported);
      json = imported;
    } else {
      const imported = importVulnerabilityReports(value);
      summary = formatVulnerabilityImport(imported);
      json = imported;
    }
  } catch (error) {
    asUsageError(file, error);
  }

  if (!upload) {
    await write(format === "json" ? `${JSON.stringify(json, null, 2)}\n` : summary, options.output);
    return EXIT_OK;
  }

  const backend = new BackendClient({ server: server!, token: token!, caFile: options.caFile, retries: 2, timeoutMs: timeoutSeconds * 1000 });
  try {
    const answer = await backend.request<unknown>("POST", IMPORT_ROUTES[kind], importRequestBody(raw, options.clusterName), {
      "content-type": "application/json",
      "content-encoding": "gzip",
    });
    const text = format === "json" ? `${JSON.stringify(answer, null, 2)}\n` : `${summary}\nuploaded to ${server}${IMPORT_ROUTES[kind]} (${backend.bytesSent} bytes gzip): ${JSON.stringify(answer)}\n`;
    await write(text, options.output);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof AuthRejectedError || error instanceof BackendRejectedError) throw new RuntimeFailure(error.message, { cause: error });
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`upload to ${server} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await backend.close();
  }
}

export function registerImportCommand(program: Command): void {
  const command = program.command("import").description("Import other tools' results: Kubescape scans, Trivy/Grype image vulnerability reports");
  const common = (sub: Command) =>
    sub
      .option("--server <url>", "upload to this Shipshape backend instead of printing")
      .option("--token <token>", "agent token for --server (or SHIPSHAPE_TOKEN)")
      .option("--cluster-name <name>", "cluster the results belong to (defaults to the name in the file, if any)")
      .option("-o, --format <format>", `output: ${FORMATS.join(", ")}`, "pretty")
      .option("--output <file>", "write the output to a file instead of standard output")
      .option("--ca-file <pem>", "extra CA certificates to trust for --server")
      .option("--timeout <seconds>", "upload timeout per attempt", "120");
  common(
    command
      .command("kubescape")
      .description("Kubescape JSON results (`kubescape scan --format json`, report format v2)")
      .argument("[file]", "the JSON file, or - for standard input"),
  ).action(async (file: string | undefined, options: ImportOptions) => {
    process.exitCode = await runImportCommand("kubescape", file, options);
  });
  common(
    command
      .command("vulns")
      .alias("vulnerabilities")
      .description("Image vulnerability report: Trivy JSON (SchemaVersion 2) or Grype JSON, one image per document")
      .argument("[file]", "the JSON file, or - for standard input"),
  ).action(async (file: string | undefined, options: ImportOptions) => {
    process.exitCode = await runImportCommand("vulns", file, options);
  });
}
