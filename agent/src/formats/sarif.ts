// SARIF 2.1.0 for code-scanning UIs: one rule per control, one result per finding, located at the
// file and line the object came from.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from "sarif";
import { getControl } from "../../../lib/controls";
import type { Severity } from "../../../lib/engine/types";
import type { FileScanReport, LocatedFinding } from "../scan/scan-files";
import { AGENT_VERSION } from "../version";
import { jsonChunks, StreamedArray } from "./json-stream";

const LEVEL: Record<Severity, Result.level> = { critical: "error", high: "error", medium: "warning", low: "note" };
/** GitHub code scanning reads `security-severity` (CVSS-like, 0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0" };

/** Files under the working directory become %SRCROOT%-relative URIs; others absolute file: URIs. */
function toArtifactLocation(file: string, cwd: string): ArtifactLocation {
  if (file === "-") return { uri: "stdin" };
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith("..") && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: "SRCROOT" };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** The SARIF log, written a result at a time. */
export function* formatSarif(report: FileScanReport, cwd: string = process.cwd()): Generator<string> {
  const failedIds = new Set(report.findings.map((f) => f.controlId));
  const rules: ReportingDescriptor[] = report.controls
    .filter((c) => failedIds.has(c.id))
    .map((c) => {
      const control = getControl(c.id);
      return {
        id: c.id,
        name: c.name.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : "")),
        shortDescription: { text: c.name },
        fullDescription: { text: control?.description ?? c.name },
        help: { text: control?.remediation ?? "", markdown: control?.remediation ?? "" },
        defaultConfiguration: { level: LEVEL[c.severity] },
        properties: {
          tags: [...new Set(["security", "kubernetes", c.category, ...Object.entries(c.refs).flatMap(([framework, ids]) => (ids ?? []).map((id: string) => `${framework}:${id}`))])],
          "security-severity": SECURITY_SEVERITY[c.severity],
          precision: "high",
        },
      };
    });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = new Map<string, ArtifactLocation>();
  const artifactOf = (file: string) => {
    let location = artifacts.get(file);
    if (!location) artifacts.set(file, (location = toArtifactLocation(file, cwd)));
    return location;
  };
  const toResult = (f: LocatedFinding): Result => {
    const target = f.object
      ? `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`
      : f.subject
        ? `${f.subject.kind} ${f.subject.namespace ? `${f.subject.namespace}/` : ""}${f.subject.name}`
        : "cluster";
    const result: Result = {
      ruleId: f.controlId,
      ruleIndex: ruleIndex.get(f.controlId),
      level: LEVEL[f.severity],
      message: { text: `${target}: ${f.message}` },
      properties: { paths: f.paths, fix: f.fix, ...(f.location?.helmSource ? { helmSource: f.location.helmSource } : {}) },
    };
    if (f.location) {
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: artifactOf(f.location.file),
            region: { startLine: Math.max(1, f.location.line) },
          },
          logicalLocations: [{ fullyQualifiedName: target, kind: "resource" }],
        },
      ];
    }
    if (f.exceptionId) {
      result.suppressions = [{ kind: "external", status: "accepted", justification: `exception ${f.exceptionId}` }];
    }
    return result;
  };
  // Results are built and written one at a time (see json-stream.ts); the log is otherwise a plain Log.
  const results = new StreamedArray(report.findings, toResult) as unknown as Result[];
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Shipshape",
            version: AGENT_VERSION,
            semanticVersion: AGENT_VERSION,
            informationUri: "https://shipshape.dev",
            rules,
            properties: { libraryVersion: report.libraryVersion, engineVersion: report.engineVersion },
          },
        },
        results,
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: "utf16CodeUnits",
        properties: {
          frameworks: report.frameworks.map((fw) => ({ id: fw.id, score: fw.score })),
        },
      },
    ],
  };
  yield* jsonChunks(log);
  yield "\n";
}
