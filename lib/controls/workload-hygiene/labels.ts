// Label checks shared by the label-usage controls.
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import { podSpecLocationOf } from "./container-resources";
import { podLabelsOfCached } from "./scan-lookups";

/** One label rule of a scan: the keys looked for, and its finding per labels path (shared by every object: read-only). */
interface LabelRule {
  wanted: readonly string[] | undefined;
  keys: string[];
  findings: Map<string, Violation>;
  /** Result lists by pod spec path, then which labels are missing (bit 1 the object's, 2 the pod template's). */
  results: Map<string, (Violation[] | undefined)[]>;
}

function ruleFor(wanted: readonly string[] | undefined, fallback: readonly string[]): LabelRule {
  const keys = (Array.isArray(wanted) && wanted.length ? wanted : fallback).filter((k) => typeof k === "string" && k);
  return { wanted, keys, findings: new Map(), results: new Map() };
}

const newRuleMap = () => new Map<string, LabelRule>();

function hasAny(labels: unknown, keys: readonly string[]): boolean {
  if (!labels || typeof labels !== "object") return false;
  for (let i = 0; i < keys.length; i++) if (Object.prototype.hasOwnProperty.call(labels, keys[i])) return true;
  return false;
}

// Pod spec path → pod template labels path; the paths are the few built-in kinds' (no scan data).
const templateLabelsPaths = new Map<string, string>();

function templateLabelsPath(specPath: string): string {
  let path = templateLabelsPaths.get(specPath);
  if (path === undefined) templateLabelsPaths.set(specPath, (path = `${specPath.replace(/\.spec$/, ".metadata")}.labels`));
  return path;
}

function findingFor(rule: LabelRule, path: string, what: string): Violation {
  let finding = rule.findings.get(path);
  if (!finding) {
    finding = {
      message: `${path} carries none of the ${what} (${rule.keys.join(", ")})`,
      fixPaths: [{ path: `${path}[${rule.keys[0] ?? "YOUR_LABEL"}]`, value: "YOUR_VALUE" }],
    };
    rule.findings.set(path, finding);
  }
  return finding;
}

/**
 * Fails when the object or (for workloads) its pod template carries none of the wanted labels. An
 * empty list falls back to `fallback`, since "none of nothing" would make the check meaningless.
 * With the scan context, the rule and its findings are built once per scan.
 */
export function missingAllLabels(
  obj: K8sObject,
  wanted: readonly string[] | undefined,
  fallback: readonly string[],
  what: string,
  ctx?: EvalContext,
): Violation[] | null {
  const at = podSpecLocationOf(obj);
  if (!at) return null;
  let rule: LabelRule;
  if (ctx) {
    const rules = ctx.cache("workload-hygiene:label-rules", newRuleMap);
    const known = rules.get(what);
    if (known && known.wanted === wanted) rule = known;
    else rules.set(what, (rule = ruleFor(wanted, fallback)));
  } else rule = ruleFor(wanted, fallback);
  const own = !hasAny(obj.metadata?.labels, rule.keys);
  // A Pod's own metadata is its pod metadata; other kinds also carry a pod template's.
  const template = at.path !== "spec" && !hasAny(podLabelsOfCached(obj), rule.keys);
  if (!own && !template) return [];
  // Objects alike share the result list (read-only).
  let lists = rule.results.get(at.path);
  if (!lists) rule.results.set(at.path, (lists = []));
  const which = (own ? 1 : 0) | (template ? 2 : 0);
  let list = lists[which];
  if (!list) {
    list = [];
    if (own) list.push(findingFor(rule, "metadata.labels", what));
    if (template) list.push(findingFor(rule, templateLabelsPath(at.path), what));
    lists[which] = list;
  }
  return list;
}
