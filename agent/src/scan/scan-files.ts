// Runs the engine over loaded manifests and attaches source locations to findings.
import { objectKey } from "../../../lib/engine/object-index";
import type { ExceptionRule } from "../../../lib/engine/exceptions";
import type { ReportFinding, ScanReport } from "../../../lib/engine/report";
import { runScan } from "../../../lib/engine/run-scan";
import type { ScanSettings } from "../../../lib/engine/settings";
import { PathLocator, type InputProblem, type LoadResult, type ObjectOrigin } from "./load-manifests";

export interface FindingLocation {
  file: string;
  line: number;
  helmSource?: string;
}

export type LocatedFinding = ReportFinding & { location?: FindingLocation };

export interface FileScanReport extends Omit<ScanReport, "findings"> {
  findings: LocatedFinding[];
  inputs: { files: string[]; objects: number; warnings: InputProblem[]; errors: InputProblem[] };
}

export function scanLoadedManifests(
  loaded: LoadResult,
  options: { frameworks?: string[]; settings?: Partial<ScanSettings>; exceptions?: ExceptionRule[]; now?: Date },
): FileScanReport {
  const origins = new Map<string, ObjectOrigin>();
  for (const { object, origin } of loaded.objects) {
    const key = objectKey({
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.metadata?.namespace,
      name: object.metadata?.name ?? "",
    });
    if (!origins.has(key)) origins.set(key, origin);
  }
  const report = runScan({
    objects: loaded.objects.map((o) => o.object),
    frameworks: options.frameworks,
    settings: options.settings,
    exceptions: options.exceptions,
    now: options.now,
  });
  const locator = new PathLocator(loaded.texts ?? new Map());
  const located = report.findings.map((finding) => {
    const target = finding.object ?? finding.related[0];
    return { finding, origin: target ? origins.get(objectKey(target)) : undefined };
  });
  // Locate file by file so each file is re-parsed at most once.
  const order = located
    .map((entry, i) => ({ ...entry, i }))
    .filter((e) => e.origin)
    .sort((a, b) => a.origin!.file.localeCompare(b.origin!.file));
  const findings: LocatedFinding[] = located.map((e) => e.finding);
  for (const { finding, origin, i } of order) {
    const line = finding.object ? locator.lineOf(origin!, finding.paths[0] ?? finding.fixPaths[0]?.path) : origin!.line;
    findings[i] = { ...finding, location: { file: origin!.file, line, ...(origin!.helmSource ? { helmSource: origin!.helmSource } : {}) } };
  }
  return {
    ...report,
    findings,
    inputs: { files: loaded.files, objects: loaded.objects.length, warnings: loaded.warnings, errors: loaded.errors },
  };
}
