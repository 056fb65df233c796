// Exception rules: turn matching failures into `excepted`. Expired rules are ignored.
import type { K8sObject, ResourceRef } from "./types";

export interface ExceptionMatch {
  /** Glob patterns (`*` wildcard) on each field; an absent field matches everything. */
  clusters?: string[];
  namespaces?: string[];
  kinds?: string[];
  names?: string[];
  /** Every listed label must be present with this value (`*` value = any). */
  labels?: Record<string, string>;
}

export interface ExceptionRule {
  id: string;
  /** Control ids (`SS-0057`) or `*` for every control. */
  controlIds: string[];
  match: ExceptionMatch;
  reason: string;
  owner?: string;
  /** ISO timestamp; the rule is ignored from then on. */
  expiresAt?: string | null;
}

const globCache = new Map<string, RegExp>();
function glob(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (!re) {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    re = new RegExp(`^${escaped}$`);
    globCache.set(pattern, re);
  }
  return re;
}

function anyGlob(patterns: string[] | undefined, value: string | undefined): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((p) => glob(p).test(value ?? ""));
}

export function isActive(rule: ExceptionRule, now: Date): boolean {
  return !rule.expiresAt || new Date(rule.expiresAt).getTime() > now.getTime();
}

/**
 * True when the rule covers this control's finding on this resource.
 * `object` is the scanned object behind the resource (for label matching), when there is one.
 */
export function exceptionMatches(
  rule: ExceptionRule,
  controlId: string,
  resource: ResourceRef,
  context: { clusterName?: string; object?: K8sObject },
): boolean {
  if (!rule.controlIds.includes("*") && !rule.controlIds.includes(controlId)) return false;
  const m = rule.match ?? {};
  if (!anyGlob(m.clusters, context.clusterName)) return false;
  const target = resource.object ?? resource.subject;
  if (!target) return !m.namespaces?.length && !m.kinds?.length && !m.names?.length && !m.labels;
  if (!anyGlob(m.namespaces, target.namespace ?? "")) return false;
  if (!anyGlob(m.kinds, target.kind)) return false;
  if (!anyGlob(m.names, target.name)) return false;
  if (m.labels && Object.keys(m.labels).length) {
    const labels = context.object?.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(m.labels)) {
      if (!(k in labels) || (v !== "*" && labels[k] !== v)) return false;
    }
  }
  return true;
}
