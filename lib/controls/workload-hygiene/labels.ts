// Label checks shared by the label-usage controls.
import type { K8sObject, Violation } from "../../engine/types";
import { podSpecOf } from "../../engine/workload";

/**
 * Fails when the object or (for workloads) its pod template carries none of the wanted labels. An
 * empty list falls back to `fallback`, since "none of nothing" would make the check meaningless.
 */
export function missingAllLabels(obj: K8sObject, wanted: readonly string[] | undefined, fallback: readonly string[], what: string): Violation[] | null {
  const at = podSpecOf(obj);
  if (!at) return null;
  const keys = (Array.isArray(wanted) && wanted.length ? wanted : fallback).filter((k) => typeof k === "string" && k);
  const first = keys[0] ?? "YOUR_LABEL";
  const places: { labels: Record<string, string> | undefined; path: string }[] = [{ labels: obj.metadata?.labels, path: "metadata.labels" }];
  if (at.metadataPath !== "metadata") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const templateMeta = at.metadataPath.split(".").reduce<any>((o, k) => (o && typeof o === "object" ? o[k] : undefined), obj);
    places.push({ labels: templateMeta?.labels, path: `${at.metadataPath}.labels` });
  }
  const violations: Violation[] = [];
  for (const { labels, path } of places) {
    const own = labels && typeof labels === "object" ? labels : {};
    if (keys.some((k) => Object.prototype.hasOwnProperty.call(own, k))) continue;
    violations.push({
      message: `${path} carries none of the ${what} (${keys.join(", ")})`,
      fixPaths: [{ path: `${path}[${first}]`, value: "YOUR_VALUE" }],
    });
  }
  return violations;
}
