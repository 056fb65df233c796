// What changes in a demo cluster over its history: regressions that appear and get fixed, and
// hardening work that lands on a given day. Derived from the cluster name, so it never varies.
import { DeterministicRandom } from "./deterministic-random";
import type { DemoClusterSpec } from "./demo-fleet";

export type ChangeKey =
  /** Someone deploys a privileged debugging toolbox with host namespaces, and removes it later. */
  | "debug-toolbox"
  /** The payments team hardens its workloads (non-root, read-only root, dropped capabilities). */
  | "payments-hardened"
  /** Default-deny NetworkPolicies land in the application namespaces. */
  | "network-policies"
  /** The CI service account is bound to cluster-admin "temporarily". */
  | "ci-cluster-admin"
  /** A legacy admin UI is exposed through a NodePort service until someone removes it. */
  | "legacy-nodeport"
  /** A new service ships with no security context and a floating image tag. */
  | "new-service"
  /** The new service gets resource limits and a pinned image after review. */
  | "new-service-reviewed"
  /** Application images move from tags to immutable digests. */
  | "images-pinned";

export interface ChangeWindow {
  key: ChangeKey;
  fromDay: number;
  /** Exclusive; undefined = still active today. */
  toDay?: number;
}

export function clusterTimeline(spec: DemoClusterSpec): ChangeWindow[] {
  const random = new DeterministicRandom(`timeline:${spec.name}`);
  const days = spec.historyDays;
  const at = (fraction: number, jitter = 0.08) =>
    Math.max(1, Math.min(days - 1, Math.round(days * (fraction + (random.next() * 2 - 1) * jitter))));
  const windows: ChangeWindow[] = [];

  const debugIncidents = spec.posture === "lax" ? 2 : spec.posture === "typical" ? 1 : random.chance(0.5) ? 1 : 0;
  for (let i = 0; i < debugIncidents; i++) {
    const fromDay = at((i + 1) / (debugIncidents + 1.5));
    windows.push({ key: "debug-toolbox", fromDay, toDay: fromDay + random.int(2, 6) });
  }

  if (spec.posture === "hardened") {
    windows.push({ key: "payments-hardened", fromDay: 0 });
    windows.push({ key: "network-policies", fromDay: 0 });
    windows.push({ key: "images-pinned", fromDay: 0 });
  } else {
    windows.push({ key: "payments-hardened", fromDay: at(0.45) });
    if (spec.posture === "typical") {
      windows.push({ key: "network-policies", fromDay: at(0.6) });
      windows.push({ key: "images-pinned", fromDay: at(0.8) });
    }
  }

  if (spec.posture !== "hardened") {
    const fromDay = at(0.3);
    // On the lax cluster nobody ever cleans the binding up.
    windows.push({ key: "ci-cluster-admin", fromDay, toDay: spec.posture === "lax" ? undefined : fromDay + random.int(8, 15) });
    windows.push({ key: "legacy-nodeport", fromDay: 0, toDay: spec.posture === "lax" ? undefined : at(0.55) });
  }

  const launch = at(0.7, 0.1);
  windows.push({ key: "new-service", fromDay: launch });
  if (spec.posture !== "lax") windows.push({ key: "new-service-reviewed", fromDay: launch + random.int(3, 9) });

  return windows;
}

export function activeChanges(timeline: readonly ChangeWindow[], day: number): Set<ChangeKey> {
  return new Set(
    timeline.filter((w) => day >= w.fromDay && (w.toDay === undefined || day < w.toDay)).map((w) => w.key),
  );
}
