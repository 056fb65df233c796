// Runs the engine over loaded manifests and attaches source locations to findings.
import { objectKey } from "../../../lib/engine/object-index";
import type { ExceptionRule } from "../../../lib/engine/exceptions";
import type { ReportFinding, ScanReport } from "../../../lib/engine/report";
import { runScan } from "../../../lib/engine/run-scan";
import type { ScanSettings } from "../../../lib/engine/settings";
import type { K8sObject, ObjectRef } from "../../../lib/engine/types";
import type { DocumentRange, InputProblem, LoadResult, ObjectOrigin } from "./load-manifests";
import { PathLocator } from "./path-locator";

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

/** The loaded objects, leaving `loaded.objects` empty. */
function takeObjects(loaded: LoadResult): K8sObject[] {
  const objects = loaded.objects.map((o) => o.object);
  loaded.objects = [];
  return objects;
}

/**
 * Scans the loaded objects and locates each finding in its file. Takes `loaded.objects` over: it is
 * emptied once the engine has read it, so the objects are garbage while findings are located and the
 * report written (only their origins are kept).
 */
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
  const objectCount = loaded.objects.length;
  const report = runScan({
    objects: takeObjects(loaded),
    frameworks: options.frameworks,
    settings: options.settings,
    exceptions: options.exceptions,
    now: options.now,
  });
  // Findings are located file by file and document by document, so each file is read once and each
  // document parsed once, one at a time. The engine's finding objects belong to this scan: `location`
  // is added to them (last key, as the report schema orders it) instead of copying 100k findings.
  const byFile = new Map<string, Map<DocumentRange, { finding: LocatedFinding; origin: ObjectOrigin }[]>>();
  // Findings of one object share its ObjectRef: its key is built once.
  const originOfRef = new Map<ObjectRef, ObjectOrigin | undefined>();
  for (const finding of report.findings as LocatedFinding[]) {
    const target = finding.object ?? finding.related[0];
    if (!target) continue;
    let origin = originOfRef.get(target);
    if (origin === undefined && !originOfRef.has(target)) originOfRef.set(target, (origin = origins.get(objectKey(target))));
    if (!origin) continue;
    let documents = byFile.get(origin.file);
    if (!documents) byFile.set(origin.file, (documents = new Map()));
    let list = documents.get(origin.document);
    if (!list) documents.set(origin.document, (list = []));
    list.push({ finding, origin });
  }
  const locator = new PathLocator(loaded.texts);
  for (const documents of byFile.values()) {
    for (const list of documents.values()) {
      for (const { finding, origin } of list) {
        const line = finding.object ? locator.lineOf(origin, finding.paths[0] ?? finding.fixPaths[0]?.path) : origin.line;
        finding.location = origin.helmSource ? { file: origin.file, line, helmSource: origin.helmSource } : { file: origin.file, line };
      }
    }
  }
  return {
    ...report,
    findings: report.findings as LocatedFinding[],
    inputs: { files: loaded.files, objects: objectCount, warnings: loaded.warnings, errors: loaded.errors },
  };
}
