// Kubescape JSON results (`kubescape scan --format json`, report format v2) → our ScanReport, so a
// Kubescape user's scans become scored snapshots next to Shipshape's own. Kubescape's verdicts are
// kept as Kubescape gave them; only the scores are recomputed with our formulas (docs/imports.md).
import { ALL_CONTROLS, LIBRARY_VERSION } from "../controls";
import { listFrameworks } from "../controls/frameworks";
import { resourceKey } from "../engine/evaluate-control";
import { scoreFramework } from "../engine/score-framework";
import { REPORT_SCHEMA_VERSION, type ReportControl, type ReportFinding, type ReportFramework, type ScanReport } from "../engine/report";
import { computeControlScore, roundScore } from "../engine/scoring";
import type {
  Control,
  ControlCategory,
  ControlStatus,
  FixPath,
  K8sObject,
  ObjectRef,
  ResourceRef,
  Severity,
  SubjectKind,
} from "../engine/types";
import { ImportError, importErrorFromZod, readJsonInput, recognizeFormat, type ImportInput } from "./import-error";
import {
  ZKubescapeReport,
  type KubescapeControlSummary,
  type KubescapeReport,
  type KubescapeResultControl,
  type KubescapeRule,
} from "./kubescape-format";
import { currentKubescapeId } from "./kubescape-legacy-ids";

/** Prefix of the ids under which controls we have no equivalent for are kept (`KS:C-0999`). */
export const UNMAPPED_PREFIX = "KS:";

export interface UnmappedControl {
  /** Id in the report: `KS:` + the current Kubescape id. */
  id: string;
  kubescapeId: string;
  /** Ids as written in the file when they differ (legacy `CIS-5.1.2`). */
  originalIds: string[];
  name: string;
  severity: Severity;
  /** Kubescape's severity name, from its base score ("Unknown" when it gave none: kept as low). */
  kubescapeSeverity: string;
}

export interface ControlMapping {
  kubescapeId: string;
  originalIds: string[];
  controlId: string;
}

export interface KubescapeScores {
  /** Kubescape's overall figures: `score` is its risk score (older reports), `complianceScore` its compliance. */
  score: number | null;
  complianceScore: number | null;
  frameworks: { name: string; version: string; score: number | null; complianceScore: number | null }[];
  /** Per Kubescape control id (current ids). */
  controls: Record<string, { score: number | null; complianceScore: number | null }>;
}

export interface ImportedScan {
  report: ScanReport;
  source: {
    tool: "kubescape";
    version: string | null;
    /** When Kubescape produced the report; null when the file does not say. */
    generatedAt: string | null;
    formatVersion: string | null;
    /** What Kubescape scanned: a live cluster, or files/a repository/a directory. */
    target: "cluster" | "file" | "repository" | "directory" | "unknown";
    /** Frameworks or controls the scan was run with (`nsa`, `mitre`, …). */
    targetNames: string[];
    reportId: string | null;
  };
  unmappedControls: UnmappedControl[];
  controlMapping: ControlMapping[];
  kubescapeScores: KubescapeScores;
  /** Of each reported framework, how many of our controls Kubescape's results covered. */
  frameworkCoverage: { frameworkId: string; covered: number; total: number }[];
  /** Things the importer had to guess or leave out, in plain words. */
  warnings: string[];
}

export interface KubescapeImportOptions {
  /** Overrides the cluster name found in the file (or names a file scan). */
  clusterName?: string;
  /** Used as the report time when the file carries none. */
  now?: Date;
  /** Largest input accepted, in bytes (default MAX_IMPORT_BYTES). */
  maxBytes?: number;
}

// ---------------------------------------------------------------------------------------------
// Control mapping

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyControl = Control<any>;

let mappingCache: Map<string, AnyControl> | undefined;

/**
 * Kubescape id → our control. When several of our controls list the same Kubescape id, the one
 * whose number is the Kubescape number (C-0041 → SS-0041) wins, then the lowest id.
 */
function kubescapeToControl(): Map<string, AnyControl> {
  if (mappingCache) return mappingCache;
  const map = new Map<string, AnyControl>();
  for (const control of ALL_CONTROLS) {
    for (const ksId of control.refs.kubescape ?? []) {
      const current = map.get(ksId);
      if (!current || preferred(control, current, ksId)) map.set(ksId, control);
    }
  }
  mappingCache = map;
  return map;
}

function preferred(candidate: AnyControl, current: AnyControl, ksId: string): boolean {
  const same = (c: AnyControl) => c.id === `SS-${ksId.replace(/^C-/, "")}`;
  if (same(candidate) !== same(current)) return same(candidate);
  return candidate.id.localeCompare(current.id) < 0;
}

/** Our control for a Kubescape control id of any Kubescape version, if we have one. */
export function mapKubescapeControlId(id: string): string | undefined {
  return kubescapeToControl().get(currentKubescapeId(id))?.id;
}

// ---------------------------------------------------------------------------------------------
// Kubescape vocabulary

/** opa-utils ControlSeverityToString: severity from a control's base score. */
export function severityFromBaseScore(baseScore: number | null | undefined): { severity: Severity; name: string } {
  const score = typeof baseScore === "number" ? baseScore : 0;
  if (score >= 9) return { severity: "critical", name: "Critical" };
  if (score >= 7) return { severity: "high", name: "High" };
  if (score >= 4) return { severity: "medium", name: "Medium" };
  if (score >= 1) return { severity: "low", name: "Low" };
  return { severity: "low", name: "Unknown" };
}

function severityOfSummary(summary: KubescapeControlSummary | undefined): { severity: Severity; name: string } {
  if (typeof summary?.scoreFactor === "number" && summary.scoreFactor > 0) return severityFromBaseScore(summary.scoreFactor);
  const named = summary?.severity?.toLowerCase();
  if (named === "critical" || named === "high" || named === "medium" || named === "low") {
    return { severity: named, name: named[0].toUpperCase() + named.slice(1) };
  }
  return severityFromBaseScore(undefined);
}

function categoryOf(summary: KubescapeControlSummary | undefined): ControlCategory {
  const sub = summary?.category?.subCategory?.name?.toLowerCase() ?? "";
  if (sub === "supply chain") return "images";
  switch (summary?.category?.name?.toLowerCase()) {
    case "control plane":
      return "control-plane";
    case "workload":
      return "workload";
    case "access control":
      return "access-control";
    case "network":
      return "network";
    case "secrets":
      return "secrets";
    case "node":
      return "node";
    case "cloud":
      return "cloud";
    default:
      return "hygiene";
  }
}

type Verdict = "failed" | "excepted" | "passed" | "skipped";
const VERDICT_RANK: Record<Verdict, number> = { failed: 3, excepted: 2, passed: 1, skipped: 0 };

const EXCEPTION_SUBSTATUS = "w/exceptions";

function hasException(rule: KubescapeRule): boolean {
  return Array.isArray(rule.exception) && rule.exception.length > 0;
}

/** Our exception id for a Kubescape exception policy: `kubescape:<policy name>`. */
function exceptionIdOf(rule: KubescapeRule): string {
  const name = rule.exception?.find((e) => e.name)?.name;
  return `kubescape:${name || "exception"}`;
}

/**
 * Kubescape's verdict on one resource for one control; undefined when the control did not apply to
 * it ("irrelevant"). Reports from Kubescape ≥ 2.3 carry it in `status`; older ones only per rule,
 * where a failed rule with an exception attached is an excepted failure.
 */
function resourceVerdict(control: KubescapeResultControl): Verdict | undefined {
  const rules = control.rules ?? [];
  const status = control.status?.status?.toLowerCase();
  const sub = control.status?.subStatus?.toLowerCase();
  if (status) {
    if (status === "failed") return "failed";
    if (status === "excluded") return "excepted";
    if (status === "passed") return sub === EXCEPTION_SUBSTATUS ? "excepted" : sub === "irrelevant" ? undefined : "passed";
    if (status === "skipped" || status === "error") return "skipped";
    if (status === "irrelevant") return undefined;
  }
  let verdict: Verdict | undefined;
  const raise = (v: Verdict) => {
    if (!verdict || VERDICT_RANK[v] > VERDICT_RANK[verdict]) verdict = v;
  };
  for (const rule of rules) {
    const s = rule.status?.toLowerCase();
    if (s === "failed") raise(hasException(rule) ? "excepted" : "failed");
    else if (s === "excluded") raise("excepted");
    else if (s === "passed") raise(rule.subStatus?.toLowerCase() === EXCEPTION_SUBSTATUS ? "excepted" : "passed");
    else if (s === "skipped" || s === "error") raise("skipped");
  }
  return verdict;
}

/** Kubescape's control status → ours, with the reason for skipped ones. */
function controlStatusOf(summary: KubescapeControlSummary): { status: ControlStatus; reason?: string } | undefined {
  const status = (summary.statusInfo?.status ?? summary.status ?? "").toLowerCase();
  const sub = (summary.statusInfo?.subStatus ?? "").toLowerCase();
  const info = summary.statusInfo?.info ?? undefined;
  switch (status) {
    case "failed":
      return { status: "failed" };
    case "passed":
      if (sub === EXCEPTION_SUBSTATUS) return { status: "excepted" };
      if (sub === "irrelevant") return { status: "not_applicable" };
      return { status: "passed" };
    case "excluded":
      return { status: "excepted" };
    case "irrelevant":
      return { status: "not_applicable" };
    case "skipped":
      if (sub === "manual review") return { status: "manual" };
      return { status: "skipped", reason: `Kubescape skipped it${sub ? ` (${sub})` : ""}${info ? `: ${info}` : ""}` };
    case "error":
      return { status: "skipped", reason: "Kubescape reported an evaluation error" };
    default:
      return undefined;
  }
}

const STATUS_RANK: Record<ControlStatus, number> = { failed: 5, excepted: 4, passed: 3, skipped: 2, manual: 1, not_applicable: 0 };

// ---------------------------------------------------------------------------------------------
// Resources

const SUBJECT_KINDS = new Set<SubjectKind>(["User", "Group", "ServiceAccount"]);

/** API versions of built-in kinds, for resources the file names without one. */
const BUILTIN_API_VERSIONS: Record<string, string> = {
  Pod: "v1",
  Service: "v1",
  ServiceAccount: "v1",
  Namespace: "v1",
  ConfigMap: "v1",
  Secret: "v1",
  Node: "v1",
  PersistentVolume: "v1",
  PersistentVolumeClaim: "v1",
  ReplicationController: "v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  ReplicaSet: "apps/v1",
  Job: "batch/v1",
  CronJob: "batch/v1",
  Role: "rbac.authorization.k8s.io/v1",
  RoleBinding: "rbac.authorization.k8s.io/v1",
  ClusterRole: "rbac.authorization.k8s.io/v1",
  ClusterRoleBinding: "rbac.authorization.k8s.io/v1",
  NetworkPolicy: "networking.k8s.io/v1",
  Ingress: "networking.k8s.io/v1",
};

interface ParsedResourceId {
  apiVersion?: string;
  namespace?: string;
  kind: string;
  name: string;
}

const VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;

/**
 * Reads a Kubescape resource id: `<group>/<version>/<namespace>/<kind>/<name>` (cluster scans),
 * `path=<hash>/api=<group>/<version>/…` (file scans), or `<apiGroup>/<namespace>/<kind>/<name>/…`
 * (RBAC subjects, followed by the ids of the role and binding that grant them).
 */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  let rest = id.replace(/^path=[^/]*\/api=/, "");
  const more = rest.indexOf("/path=");
  if (more >= 0) rest = rest.slice(0, more);
  const parts = rest.split("/");
  let group: string;
  let version: string | undefined;
  let namespace: string;
  let kind: string;
  let name: string;
  if (parts.length >= 5 && VERSION.test(parts[1])) [group, version, namespace, kind, name] = parts;
  else if (parts.length >= 4) [group, namespace, kind, name] = parts;
  else return undefined;
  if (!kind || !name) return undefined;
  const parsed: ParsedResourceId = { kind, name };
  if (version) parsed.apiVersion = group ? `${group}/${version}` : version;
  if (namespace) parsed.namespace = namespace;
  return parsed;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function relatedRefs(object: Record<string, unknown> | undefined): ObjectRef[] {
  const related = object?.relatedObjects;
  const list = Array.isArray(related) ? related : related && typeof related === "object" ? [related] : [];
  const refs: ObjectRef[] = [];
  for (const r of list as Record<string, unknown>[]) {
    const meta = (r?.metadata ?? {}) as Record<string, unknown>;
    const kind = str(r?.kind);
    const name = str(meta.name) ?? str(r?.name);
    if (!kind || !name) continue;
    const ref: ObjectRef = { apiVersion: str(r.apiVersion) ?? BUILTIN_API_VERSIONS[kind] ?? "", kind, name };
    const ns = str(meta.namespace) ?? str(r.namespace);
    if (ns) ref.namespace = ns;
    refs.push(ref);
  }
  return refs;
}

interface ResolvedResource {
  resource: ResourceRef;
  key: string;
  related: ObjectRef[];
}

/** Resolves resource ids to our object or subject references, using the objects the file carries. */
class ResourceResolver {
  private readonly objects = new Map<string, Record<string, unknown>>();
  private readonly apiVersions = new Map<string, string>();
  private readonly cache = new Map<string, ResolvedResource | undefined>();

  constructor(resources: KubescapeReport["resources"]) {
    for (const r of resources ?? []) {
      if (!r.object) continue;
      this.objects.set(r.resourceID, r.object);
      const meta = r.object.metadata as Record<string, unknown> | undefined;
      const kind = str(r.object.kind);
      const apiVersion = str(r.object.apiVersion);
      if (kind && apiVersion && meta) this.apiVersions.set(`${kind}/${str(meta.namespace) ?? ""}/${str(meta.name) ?? ""}`, apiVersion);
    }
  }

  resolve(resourceID: string): ResolvedResource | undefined {
    if (this.cache.has(resourceID)) return this.cache.get(resourceID);
    const resolved = this.compute(resourceID);
    this.cache.set(resourceID, resolved);
    return resolved;
  }

  private compute(resourceID: string): ResolvedResource | undefined {
    const object = this.objects.get(resourceID);
    const parsed = parseResourceId(resourceID);
    const meta = object?.metadata as Record<string, unknown> | undefined;
    const kind = str(object?.kind) ?? parsed?.kind;
    const name = str(meta?.name) ?? str(object?.name) ?? parsed?.name;
    if (!kind || !name) return undefined;
    const namespace = str(meta?.namespace) ?? str(object?.namespace) ?? parsed?.namespace;
    const related = relatedRefs(object);
    // RBAC subjects are synthetic objects (kind, name, namespace, relatedObjects) without metadata.
    if (SUBJECT_KINDS.has(kind as SubjectKind) && !meta && (object || !parsed?.apiVersion)) {
      const subject = { kind: kind as SubjectKind, name, ...(namespace ? { namespace } : {}) };
      return { resource: { subject }, key: resourceKey({ subject }), related };
    }
    const apiVersion =
      str(object?.apiVersion) ??
      parsed?.apiVersion ??
      this.apiVersions.get(`${kind}/${namespace ?? ""}/${name}`) ??
      BUILTIN_API_VERSIONS[kind] ??
      "";
    const ref: ObjectRef = { apiVersion, kind, name };
    if (namespace) ref.namespace = namespace;
    const uid = str(meta?.uid);
    if (uid) ref.uid = uid;
    return { resource: { object: ref }, key: resourceKey({ object: ref }), related };
  }
}

/**
 * The Kubernetes objects a Kubescape report carries (`resources[].object`), without Kubescape's
 * additions (`sourcePath`) and without its synthetic RBAC-subject entries: the input for running
 * our own engine on the same state.
 */
export function kubescapeObjects(input: ImportInput, options: { maxBytes?: number } = {}): K8sObject[] {
  const report = validateKubescape(readJsonInput(input, options.maxBytes));
  const objects: K8sObject[] = [];
  const seen = new Set<string>();
  for (const r of report.resources ?? []) {
    const o = r.object;
    if (!o || typeof o.kind !== "string" || typeof o.apiVersion !== "string" || !o.metadata || typeof o.metadata !== "object") continue;
    const { sourcePath: _sourcePath, ...rest } = o;
    const obj = rest as K8sObject;
    const key = resourceKey({ object: { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name ?? "", namespace: obj.metadata.namespace } });
    if (seen.has(key)) continue;
    seen.add(key);
    objects.push(obj);
  }
  return objects;
}

// ---------------------------------------------------------------------------------------------
// Validation

function validateKubescape(value: unknown): KubescapeReport {
  const format = recognizeFormat(value);
  if (format === "trivy" || format === "trivy-k8s" || format === "grype") {
    const tool = format === "grype" ? "Grype" : "Trivy";
    throw new ImportError(
      "wrong_format",
      `this is a ${tool} vulnerability report, not Kubescape results; import it with \`shipshape import vulns\` (/api/agent/v1/imports/vulnerabilities)`,
    );
  }
  if (format === "kubescape-v1") {
    throw new ImportError("wrong_format", "this is Kubescape's first JSON format (v1); re-run the scan with a current Kubescape (`--format json` writes v2)");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new ImportError("wrong_format", `expected a Kubescape JSON report (an object with summaryDetails and results), found ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`);
  }
  if (!("summaryDetails" in value)) {
    throw new ImportError("wrong_format", "not Kubescape JSON results: the top-level summaryDetails object is missing (produce the file with `kubescape scan --format json`)");
  }
  const parsed = ZKubescapeReport.safeParse(value);
  if (!parsed.success) throw importErrorFromZod("Kubescape JSON report", parsed.error, value);
  const formatVersion = parsed.data.metadata?.scanMetadata?.formatVersion;
  if (formatVersion && formatVersion !== "v2") {
    throw new ImportError("wrong_format", `Kubescape report format ${formatVersion} is not supported (expected v2)`);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Mapping

function validTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  // Go writes an unset time as 0001-01-01T00:00:00Z.
  if (Number.isNaN(t) || new Date(t).getUTCFullYear() <= 1) return null;
  return new Date(t).toISOString();
}

function targetOf(report: KubescapeReport): ImportedScan["source"]["target"] {
  const ctx = report.metadata?.targetMetadata;
  if (ctx?.clusterContextMetadata) return "cluster";
  if (ctx?.fileContextMetadata) return "file";
  if (ctx?.directoryContextMetadata) return "directory";
  if (ctx?.gitRepoContextMetadata || ctx?.helmContextMetadata) return "repository";
  switch (report.metadata?.scanMetadata?.scanningTarget) {
    case 0:
      return report.clusterAPIServerInfo || report.clusterName ? "cluster" : "unknown";
    case 1:
      return "file";
    case 2:
    case 3:
      return "repository";
    case 4:
      return "directory";
  }
  if (report.clusterAPIServerInfo || report.clusterName) return "cluster";
  // File scans name resources `path=<hash>/api=…`; cluster scans never do.
  const ids = [...(report.resources ?? []), ...(report.results ?? [])].map((r) => r.resourceID);
  if (ids.some((id) => id.startsWith("path="))) return "file";
  return "unknown";
}

/** Kubescape framework names → our framework ids. */
function ourFrameworkFor(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  if (n === "nsa") return "nsa";
  if (n === "mitre") return "mitre";
  if (n === "soc2") return "soc2";
  if (n === "allcontrols") return "all";
  if (n.startsWith("cis-eks")) return "cis-eks";
  if (n.startsWith("cis-aks")) return "cis-aks";
  if (n.startsWith("cis-gke")) return "cis-gke";
  if (n === "cis" || /^cis-v1\.\d+/.test(n)) return "cis-v1.12";
  return undefined;
}

interface ControlAccumulator {
  id: string;
  control?: AnyControl;
  kubescapeIds: Set<string>;
  originalIds: Set<string>;
  name?: string;
  summary?: KubescapeControlSummary;
  status?: { status: ControlStatus; reason?: string };
  /** Resource key → merged verdict. */
  verdicts: Map<string, Verdict>;
  findings: Map<string, ReportFinding[]>;
  exceptionOf: Map<string, string>;
  fromResults: boolean;
}

function pathsOf(rule: KubescapeRule): { paths: string[]; fixPaths: FixPath[] } {
  const paths: string[] = [];
  const fixPaths: FixPath[] = [];
  for (const p of rule.paths ?? []) {
    for (const at of [p.failedPath, p.reviewPath, p.deletePath]) if (at && !paths.includes(at)) paths.push(at);
    const fix = p.fixPath;
    if (fix?.path) {
      const value = typeof fix.value === "string" ? fix.value : JSON.stringify(fix.value ?? "");
      if (!fixPaths.some((f) => f.path === fix.path && f.value === value)) fixPaths.push({ path: fix.path, value });
    }
  }
  return { paths, fixPaths };
}

function describeResource(resource: ResourceRef): string {
  const r = resource.object ?? resource.subject!;
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`;
}

/** Maps Kubescape results to a ScanReport scored with our formulas. Pure; throws ImportError on bad input. */
export function importKubescapeResults(input: ImportInput, options: KubescapeImportOptions = {}): ImportedScan {
  const report = validateKubescape(readJsonInput(input, options.maxBytes));
  const mapping = kubescapeToControl();
  const warnings: string[] = [];
  const resolver = new ResourceResolver(report.resources);
  const summaries = report.summaryDetails.controls ?? {};

  const accumulators = new Map<string, ControlAccumulator>();
  const accumulatorFor = (rawId: string): ControlAccumulator => {
    const ksId = currentKubescapeId(rawId);
    const control = mapping.get(ksId);
    const id = control ? control.id : `${UNMAPPED_PREFIX}${ksId}`;
    let acc = accumulators.get(id);
    if (!acc) {
      acc = { id, control, kubescapeIds: new Set(), originalIds: new Set(), verdicts: new Map(), findings: new Map(), exceptionOf: new Map(), fromResults: false };
      accumulators.set(id, acc);
    }
    acc.kubescapeIds.add(ksId);
    if (rawId.trim() !== ksId) acc.originalIds.add(rawId.trim());
    return acc;
  };

  // Summary first: every control Kubescape ran, with its status, even those no resource reached.
  for (const [key, summary] of Object.entries(summaries)) {
    const rawId = summary.controlID || key;
    const acc = accumulatorFor(rawId);
    acc.name ??= summary.name ?? undefined;
    if (!acc.summary || (summary.scoreFactor ?? 0) > (acc.summary.scoreFactor ?? 0)) acc.summary = summary;
    const status = controlStatusOf(summary);
    if (status && (!acc.status || STATUS_RANK[status.status] > STATUS_RANK[acc.status.status])) acc.status = status;
  }

  const objectKeys = new Set<string>();
  let unresolved = 0;
  for (const result of report.results ?? []) {
    const resolved = resolver.resolve(result.resourceID);
    if (!resolved) {
      unresolved++;
      continue;
    }
    if (resolved.resource.object) objectKeys.add(resolved.key);
    for (const rc of result.controls ?? []) {
      const acc = accumulatorFor(rc.controlID);
      acc.name ??= rc.name ?? undefined;
      acc.fromResults = true;
      const verdict = resourceVerdict(rc);
      if (!verdict) continue;
      const before = acc.verdicts.get(resolved.key);
      if (!before || VERDICT_RANK[verdict] > VERDICT_RANK[before]) acc.verdicts.set(resolved.key, verdict);
      if (verdict !== "failed" && verdict !== "excepted") continue;

      const ksId = currentKubescapeId(rc.controlID);
      const list = acc.findings.get(resolved.key) ?? [];
      const add = (ruleName: string | undefined, paths: string[], fixPaths: FixPath[], exceptionId: string | undefined) => {
        const finding: ReportFinding = {
          controlId: acc.id,
          severity: acc.control?.severity ?? severityOfSummary(acc.summary).severity,
          ...resolved.resource,
          message: `Kubescape ${ksId}${ruleName ? ` (rule ${ruleName})` : ""} failed on ${describeResource(resolved.resource)}`,
          paths,
          fixPaths,
          fix: acc.control?.remediation ?? `See Kubescape's remediation for ${ksId}.`,
          related: resolved.related,
          ...(exceptionId ? { exceptionId } : {}),
        };
        if (exceptionId) acc.exceptionOf.set(resolved.key, exceptionId);
        const fingerprint = JSON.stringify([finding.message, finding.paths, finding.fixPaths, finding.related, finding.exceptionId]);
        if (!list.some((f) => JSON.stringify([f.message, f.paths, f.fixPaths, f.related, f.exceptionId]) === fingerprint)) list.push(finding);
      };
      const findingsBefore = list.length;
      for (const rule of rc.rules ?? []) {
        const s = rule.status?.toLowerCase();
        const excepted = s === "excluded" || hasException(rule) || rule.subStatus?.toLowerCase() === EXCEPTION_SUBSTATUS;
        if (s !== "failed" && !(excepted && (s === "passed" || s === "excluded"))) continue;
        const { paths, fixPaths } = pathsOf(rule);
        add(rule.name ?? undefined, paths, fixPaths, excepted ? exceptionIdOf(rule) : undefined);
      }
      // A verdict without a failing rule to show (rules left out of the file): one finding without paths.
      if (list.length === findingsBefore && !acc.findings.has(resolved.key)) add(undefined, [], [], verdict === "excepted" ? "kubescape:exception" : undefined);
      acc.findings.set(resolved.key, list);
    }
  }
  if (unresolved) warnings.push(`${unresolved} result${unresolved > 1 ? "s" : ""} named a resource id that could not be read and ${unresolved > 1 ? "were" : "was"} left out`);
  for (const r of report.resources ?? []) {
    const resolved = resolver.resolve(r.resourceID);
    if (resolved?.resource.object) objectKeys.add(resolved.key);
  }

  const controls: ReportControl[] = [];
  const findings: ReportFinding[] = [];
  const unmappedControls: UnmappedControl[] = [];
  const controlMapping: ControlMapping[] = [];
  const exceptionsApplied: Record<string, number> = {};

  const ordered = [...accumulators.values()].sort((a, b) => {
    if (!!a.control !== !!b.control) return a.control ? -1 : 1;
    return a.id.localeCompare(b.id, undefined, { numeric: true });
  });
  for (const acc of ordered) {
    let counts: ReportControl["counts"];
    if (acc.fromResults) {
      let passed = 0;
      let failed = 0;
      let excepted = 0;
      for (const [key, verdict] of acc.verdicts) {
        if (verdict === "passed") passed++;
        else if (verdict === "failed") failed++;
        else if (verdict === "excepted") {
          excepted++;
          const exceptionId = acc.exceptionOf.get(key) ?? "kubescape:exception";
          exceptionsApplied[exceptionId] = (exceptionsApplied[exceptionId] ?? 0) + 1;
        }
      }
      counts = { passed, failed, excepted, total: passed + failed + excepted };
    } else {
      // No per-resource results in the file for this control: Kubescape's own counters are all we have.
      const rc = acc.summary?.ResourceCounters;
      const passed = rc?.passedResources ?? 0;
      const failed = rc?.failedResources ?? 0;
      const excepted = rc?.excludedResources ?? 0;
      counts = { passed, failed, excepted, total: passed + failed + excepted };
      if (counts.total > 0) warnings.push(`${[...acc.kubescapeIds].join(", ")}: no per-resource results in the file; counts taken from Kubescape's summary`);
    }

    let status = acc.status;
    if (!status) {
      if (counts.failed > 0) status = { status: "failed" };
      else if (counts.excepted > 0) status = { status: "excepted" };
      else if (counts.passed > 0) status = { status: "passed" };
      else status = { status: "not_applicable" };
    }

    const ksIds = [...acc.kubescapeIds].sort();
    const summarySeverity = severityOfSummary(acc.summary);
    const name = acc.control?.name ?? acc.name ?? ksIds[0];
    controls.push({
      id: acc.id,
      name,
      severity: acc.control?.severity ?? summarySeverity.severity,
      category: acc.control?.category ?? categoryOf(acc.summary),
      needs: acc.control?.needs ?? ["api"],
      refs: acc.control?.refs ?? { kubescape: ksIds },
      status: status.status,
      counts,
      score: roundScore(computeControlScore(counts)),
      ...(status.reason ? { reason: status.reason } : {}),
    });
    for (const list of acc.findings.values()) findings.push(...list);

    const originalIds = [...acc.originalIds].sort();
    if (acc.control) controlMapping.push(...ksIds.map((kubescapeId) => ({ kubescapeId, originalIds: originalIds.filter((o) => currentKubescapeId(o) === kubescapeId), controlId: acc.id })));
    else unmappedControls.push({ id: acc.id, kubescapeId: ksIds[0], originalIds, name, severity: summarySeverity.severity, kubescapeSeverity: summarySeverity.name });
  }

  // Our frameworks: those Kubescape ran an equivalent of, plus "all"; members limited to what was imported.
  const wanted = new Set<string>(["all"]);
  for (const f of report.summaryDetails.frameworks ?? []) {
    const id = ourFrameworkFor(f.name);
    if (id) wanted.add(id);
  }
  for (const name of report.metadata?.scanMetadata?.targetNames ?? []) {
    const id = ourFrameworkFor(name);
    if (id) wanted.add(id);
  }
  const byId = new Map(controls.map((c) => [c.id, c]));
  const frameworkCoverage: ImportedScan["frameworkCoverage"] = [];
  const frameworks: ReportFramework[] = listFrameworks()
    .filter((f) => wanted.has(f.id))
    .map((f) => {
      const { report, covered } = scoreFramework(f, byId);
      frameworkCoverage.push({ frameworkId: f.id, covered, total: f.entries.length });
      return report;
    });

  const statusCounts: Record<ControlStatus, number> = { passed: 0, failed: 0, skipped: 0, manual: 0, not_applicable: 0, excepted: 0 };
  const failedBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const c of controls) {
    statusCounts[c.status]++;
    if (c.status === "failed") failedBySeverity[c.severity]++;
  }

  const clusterContext = report.metadata?.targetMetadata?.clusterContextMetadata;
  const clusterMeta = report.metadata?.clusterMetadata;
  const clusterName = options.clusterName || report.clusterName || clusterContext?.contextName || clusterMeta?.contextName || undefined;
  const provider =
    report.clusterCloudProvider ||
    clusterContext?.cloudMetadata?.cloudProvider ||
    clusterContext?.cloudProvider ||
    clusterMeta?.cloudMetadata?.cloudProvider ||
    clusterMeta?.cloudProvider ||
    undefined;
  const kubernetesVersion = report.clusterAPIServerInfo?.gitVersion || undefined;
  const cluster = clusterName || provider || kubernetesVersion ? { ...(clusterName ? { name: clusterName } : {}), ...(provider ? { provider } : {}), ...(kubernetesVersion ? { kubernetesVersion } : {}) } : undefined;

  const generatedAt = validTime(report.generationTime);
  const version = report.metadata?.scanMetadata?.kubescapeVersion || null;
  const scanReport: ScanReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    engineVersion: `kubescape ${version ?? "(version unknown)"}`,
    libraryVersion: LIBRARY_VERSION,
    generatedAt: generatedAt ?? (options.now ?? new Date()).toISOString(),
    ...(cluster ? { cluster } : {}),
    summary: {
      objects: objectKeys.size,
      nodes: 0,
      controls: statusCounts,
      failedBySeverity,
      findings: findings.length,
      exceptionsApplied,
    },
    frameworks,
    controls,
    findings,
    errors: controls.filter((c) => c.reason === "Kubescape reported an evaluation error").map((c) => ({ controlId: c.id, message: c.reason! })),
  };

  const kubescapeScores: KubescapeScores = {
    score: report.summaryDetails.score ?? null,
    complianceScore: report.summaryDetails.complianceScore ?? null,
    frameworks: (report.summaryDetails.frameworks ?? []).map((f) => ({
      name: f.name,
      version: f.version ?? "",
      score: f.score ?? null,
      complianceScore: f.complianceScore ?? null,
    })),
    controls: Object.fromEntries(
      Object.entries(summaries).map(([key, s]) => [currentKubescapeId(s.controlID || key), { score: s.score ?? null, complianceScore: s.complianceScore ?? null }]),
    ),
  };

  return {
    report: scanReport,
    source: {
      tool: "kubescape",
      version,
      generatedAt,
      formatVersion: report.metadata?.scanMetadata?.formatVersion || null,
      target: targetOf(report),
      targetNames: report.metadata?.scanMetadata?.targetNames ?? [],
      reportId: report.reportGUID || null,
    },
    unmappedControls,
    controlMapping,
    kubescapeScores,
    frameworkCoverage,
    warnings,
  };
}
