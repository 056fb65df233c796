// The authorizers a kube-apiserver chains, from --authorization-mode or its default.
import { lastFlag, listFlag, type ComponentInstance, type FlagOccurrence } from "./static-pod-flags";

export interface AuthorizationModes {
  modes: string[];
  /** The --authorization-mode setting (absent when the default applies). */
  occurrence?: FlagOccurrence;
}

/**
 * The authorization modes in effect, or undefined when they live in an --authorization-config file
 * (structured authorization, 1.29+) that the scan cannot read. Without either flag the API server
 * authorizes everything (`AlwaysAllow`).
 */
export function authorizationModes(instance: ComponentInstance): AuthorizationModes | undefined {
  const list = listFlag(instance, "authorization-mode");
  if (list.occurrences.length === 0) {
    if (lastFlag(instance, "authorization-config")?.value) return undefined;
    return { modes: ["AlwaysAllow"] };
  }
  return { modes: list.values, occurrence: list.occurrences[list.occurrences.length - 1] };
}

/** The --authorization-mode argument after adding or removing one mode, for fix suggestions. */
export function authorizationModeFix(current: AuthorizationModes, mode: string, add: boolean): string {
  const base = current.occurrence ? current.modes.filter((m) => m !== "AlwaysAllow" || !add) : [];
  const next = add ? [...base.filter((m) => m !== mode), mode] : base.filter((m) => m !== mode);
  return `--authorization-mode=${(next.length ? next : ["Node", "RBAC"]).join(",")}`;
}
