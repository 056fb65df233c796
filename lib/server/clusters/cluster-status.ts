// Agents push on a schedule (every 15 minutes by default); a cluster that has been silent for an
// hour has missed several pushes and its posture data is no longer current.
export const CLUSTER_STALE_AFTER_MS = 60 * 60 * 1000;

export type ClusterStatus = "never_seen" | "active" | "stale";

export function clusterStatus(lastSeenAt: Date | null, now: Date = new Date()): ClusterStatus {
  if (!lastSeenAt) return "never_seen";
  return now.getTime() - lastSeenAt.getTime() > CLUSTER_STALE_AFTER_MS ? "stale" : "active";
}
