// `shipshape scan [paths... | -]`: offline scan of manifests for CI.
import { once } from "node:events";
import fs from "node:fs";
import type { Writable } from "node:stream";
import v8 from "node:v8";
import type { Command } from "commander";
import { listFrameworks } from "../../../lib/controls/frameworks";
import { SEVERITIES, type Severity } from "../../../lib/engine/types";
import { EXIT_FINDINGS, EXIT_OK, RuntimeFailure, UsageError } from "../errors";
import { formatCsv } from "../formats/csv";
import { formatJson } from "../formats/json";
import { formatJunit } from "../formats/junit";
import { formatPretty } from "../formats/pretty";
import { formatSarif } from "../formats/sarif";
import { loadManifests } from "../scan/load-manifests";
import { loadExceptionsFile, loadSettingsFile } from "../scan/scan-config";
import { scanLoadedManifests, type FileScanReport } from "../scan/scan-files";

const FORMATS = ["pretty", "json", "sarif", "junit", "csv"] as const;
type Format = (typeof FORMATS)[number];

export interface ScanOptions {
  framework?: string;
  format: string;
  output?: string;
  failOn?: string;
  failThreshold?: string;
  exceptions?: string;
  settings?: string;
  verbose?: boolean;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function render(report: FileScanReport, format: Format, color: boolean, verbose: boolean): Iterable<string> {
  switch (format) {
    case "json":
      return formatJson(report);
    case "sarif":
      return formatSarif(report);
    case "junit":
      return formatJunit(report);
    case "csv":
      return formatCsv(report);
    default:
      return [formatPretty(report, { color, verbose })];
  }
}

/**
 * Characters gathered before a write: enough for few system calls, and under V8's large-object size
 * (128 KB, 64K two-byte characters) so blocks are young garbage rather than old-generation garbage.
 */
const WRITE_BLOCK = 1 << 15;

function writeBlock(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

/** Writes the report's pieces to a file or standard output, a block at a time, waiting for each to be taken. */
async function writeReport(chunks: Iterable<string>, output: string | undefined): Promise<void> {
  let stream: Writable = process.stdout;
  if (output) {
    const file = fs.createWriteStream(output);
    stream = file;
    try {
      await once(file, "open");
    } catch (error) {
      throw new RuntimeFailure(`cannot write ${output}: ${(error as Error).message}`, { cause: error });
    }
  }
  try {
    let block: string[] = [];
    let length = 0;
    for (const chunk of chunks) {
      block.push(chunk);
      length += chunk.length;
      if (length >= WRITE_BLOCK) {
        await writeBlock(stream, block.join(""));
        block = [];
        length = 0;
      }
    }
    if (length) await writeBlock(stream, block.join(""));
    if (output) await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    if (!output) throw error;
    stream.destroy();
    throw new RuntimeFailure(`cannot write ${output}: ${(error as Error).message}`, { cause: error });
  }
}

/** The exit code a finished scan deserves under the thresholds the user set. */
export function exitCodeFor(report: FileScanReport, failOn: Severity | undefined, failThreshold: number | undefined): number {
  if (failOn) {
    const worst = SEVERITIES.indexOf(failOn);
    if (report.findings.some((f) => !f.exceptionId && SEVERITIES.indexOf(f.severity) <= worst)) return EXIT_FINDINGS;
  }
  if (failThreshold !== undefined) {
    if (report.frameworks.some((f) => f.score !== null && f.score < failThreshold)) return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * V8 lets the old generation grow to several times the live heap between full collections. A scan's
 * live heap is small (~90 MB for 10,000 objects) next to the garbage that parsing and evaluating leave,
 * so this process caps the growth at 50%: peak RSS on the 10k Helm corpus ~480 → ~375 MB, same CPU.
 */
const HEAP_GROWING_PERCENT = 50;

/** Loads the manifests and scans them; a run where nothing could be read fails. */
async function loadAndScan(paths: string[], options: Parameters<typeof scanLoadedManifests>[1]): Promise<FileScanReport> {
  const loaded = await loadManifests(paths, readStdin);
  if (loaded.objects.length === 0 && loaded.errors.length > 0) {
    for (const e of loaded.errors) process.stderr.write(`shipshape: ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}\n`);
    throw new RuntimeFailure("no input could be read");
  }
  return scanLoadedManifests(loaded, options);
}

export async function runScanCommand(paths: string[], options: ScanOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError("give files or folders to scan, or - to read standard input");
  const format = options.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format ${options.format} (use ${FORMATS.join(", ")})`);
  let failOn: Severity | undefined;
  if (options.failOn) {
    if (!SEVERITIES.includes(options.failOn as Severity)) throw new UsageError(`--fail-on takes ${SEVERITIES.join(", ")}`);
    failOn = options.failOn as Severity;
  }
  let failThreshold: number | undefined;
  if (options.failThreshold !== undefined) {
    failThreshold = Number(options.failThreshold);
    if (!Number.isFinite(failThreshold) || failThreshold < 0 || failThreshold > 100) {
      throw new UsageError("--fail-threshold takes a compliance score between 0 and 100");
    }
  }
  const known = listFrameworks().map((f) => f.id);
  const frameworks = options.framework ? options.framework.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
  for (const f of frameworks ?? []) {
    if (!known.includes(f)) throw new UsageError(`unknown framework ${f} (use ${known.join(", ")})`);
  }
  const exceptions = options.exceptions ? await loadExceptionsFile(options.exceptions) : undefined;
  const settings = options.settings ? await loadSettingsFile(options.settings) : undefined;

  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const report = await loadAndScan(paths, { frameworks, settings, exceptions });
  if (format !== "pretty") {
    for (const e of report.inputs.errors) process.stderr.write(`shipshape: ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}\n`);
  }
  const color = !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  await writeReport(render(report, format, color, options.verbose ?? false), options.output);
  return exitCodeFor(report, failOn, failThreshold);
}

export function registerScanCommand(program: Command): void {
  program
    .command("scan")
    .description("Scan Kubernetes manifests (YAML/JSON files, folders, helm template output, or - for stdin)")
    .argument("[paths...]", "files or folders to scan; - reads standard input")
    .option("-f, --framework <ids>", `frameworks to report, comma-separated (${listFrameworks().map((f) => f.id).join(", ")})`)
    .option("-o, --format <format>", `output format: ${FORMATS.join(", ")}`, "pretty")
    .option("--output <file>", "write the report to a file instead of standard output")
    .option("--fail-on <severity>", "exit 1 when a finding of this severity or worse is open (critical, high, medium, low)")
    .option("--fail-threshold <score>", "exit 1 when a framework's compliance score is below this (0–100)")
    .option("--exceptions <file>", "YAML/JSON list of exception rules")
    .option("--settings <file>", "YAML/JSON scan settings overriding the defaults")
    .option("-v, --verbose", "show every finding in pretty output")
    .action(async (paths: string[], options: ScanOptions) => {
      process.exitCode = await runScanCommand(paths, options);
    });
}
