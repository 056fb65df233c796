// Which admission plugins a kube-apiserver actually runs, from --enable-admission-plugins,
// --disable-admission-plugins and the legacy --admission-control list.
import type { Violation } from "../../engine/types";
import { flagFinding } from "./flag-findings";
import { listFlag, type ComponentInstance, type FlagOccurrence } from "./static-pod-flags";

/** Plugins on by default since Kubernetes 1.10 (--enable-admission-plugins only adds to them). */
const DEFAULT_ON = new Set([
  "NamespaceLifecycle",
  "LimitRanger",
  "ServiceAccount",
  "TaintNodesByCondition",
  "PodSecurity",
  "Priority",
  "DefaultTolerationSeconds",
  "DefaultStorageClass",
  "StorageObjectInUseProtection",
  "PersistentVolumeClaimResize",
  "RuntimeClass",
  "CertificateApproval",
  "CertificateSigning",
  "ClusterTrustBundleAttest",
  "CertificateSubjectRestriction",
  "DefaultIngressClass",
  "MutatingAdmissionWebhook",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionWebhook",
  "ResourceQuota",
]);

export interface AdmissionPluginState {
  enabled: boolean;
  /** How the state came about, for messages. */
  because: "enabled-flag" | "default" | "disabled-flag" | "legacy-list" | "not-enabled";
  /** The flag setting that decided it (absent when only the defaults decided). */
  occurrence?: FlagOccurrence;
  /** The flag name that would change it: where a fix belongs. */
  flag: "enable-admission-plugins" | "disable-admission-plugins" | "admission-control";
}

/** The effective state of one admission plugin on an API server. */
export function admissionPluginState(instance: ComponentInstance, plugin: string): AdmissionPluginState {
  const legacy = listFlag(instance, "admission-control");
  const enabled = listFlag(instance, "enable-admission-plugins");
  const disabled = listFlag(instance, "disable-admission-plugins");
  const occurrenceWith = (list: { occurrences: FlagOccurrence[] }) =>
    list.occurrences.find((o) => o.value.split(",").some((v) => v.trim().replace(/^["']|["']$/g, "") === plugin)) ??
    list.occurrences[list.occurrences.length - 1];

  // The API server refuses to start with a plugin both enabled and disabled; disabled is the safe reading.
  if (disabled.values.includes(plugin)) {
    return { enabled: false, because: "disabled-flag", occurrence: occurrenceWith(disabled), flag: "disable-admission-plugins" };
  }
  if (enabled.values.includes(plugin)) {
    return { enabled: true, because: "enabled-flag", occurrence: occurrenceWith(enabled), flag: "enable-admission-plugins" };
  }
  // The deprecated --admission-control replaces the defaults with exactly its own list.
  if (legacy.occurrences.length > 0) {
    const on = legacy.values.includes(plugin);
    return { enabled: on, because: on ? "legacy-list" : "not-enabled", occurrence: occurrenceWith(legacy), flag: "admission-control" };
  }
  if (DEFAULT_ON.has(plugin)) return { enabled: true, because: "default", flag: "enable-admission-plugins" };
  return {
    enabled: false,
    because: "not-enabled",
    occurrence: enabled.occurrences[enabled.occurrences.length - 1],
    flag: "enable-admission-plugins",
  };
}

function withoutPlugin(occurrence: FlagOccurrence, plugin: string): string {
  const rest = occurrence.value.split(",").map((v) => v.trim()).filter((v) => v && v !== plugin);
  return `--${occurrence.name}=${rest.join(",")}`;
}

/** Fails unless the plugin runs; proposes the edit of the list that keeps it out. */
export function requireAdmissionPlugin(instance: ComponentInstance, plugin: string, why: string): Violation[] {
  const state = admissionPluginState(instance, plugin);
  if (state.enabled) return [];
  const { occurrence } = state;
  if (state.because === "disabled-flag" && occurrence) {
    return [flagFinding(instance, occurrence, `${plugin} is listed in --disable-admission-plugins; ${why}`, withoutPlugin(occurrence, plugin))];
  }
  const fix = occurrence ? `--${occurrence.name}=${[occurrence.value, plugin].filter(Boolean).join(",")}` : `--enable-admission-plugins=${plugin}`;
  const where = occurrence ? `--${occurrence.name} does not include ${plugin}` : `the ${plugin} admission plugin is not enabled`;
  return [flagFinding(instance, occurrence, `${where}; ${why}`, fix)];
}

/** Fails when the plugin runs; proposes removing it from the list that enables it. */
export function forbidAdmissionPlugin(instance: ComponentInstance, plugin: string, why: string): Violation[] {
  const state = admissionPluginState(instance, plugin);
  if (!state.enabled) return [];
  const { occurrence } = state;
  if (!occurrence) return [flagFinding(instance, undefined, `${plugin} is enabled by default; ${why}`, `--disable-admission-plugins=${plugin}`)];
  return [flagFinding(instance, occurrence, `${plugin} is enabled by --${occurrence.name}; ${why}`, withoutPlugin(occurrence, plugin))];
}
