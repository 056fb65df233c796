// A small fleet pushed through the real ingest services and evaluated by the real pipeline, for
// the dashboard's API tests, plus the engine's own verdicts on the same objects to compare with.
import { randomBytes } from "node:crypto";
import type { ExceptionRule } from "@/lib/engine/exceptions";
import { runScan } from "@/lib/engine/run-scan";
import type { ScanReport } from "@/lib/engine/report";
import type { K8sObject } from "@/lib/engine/types";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { completeSnapshot } from "@/lib/server/snapshots/complete-snapshot";
import { receiveManifest } from "@/lib/server/snapshots/receive-manifest";
import { storeObjectBodies } from "@/lib/server/snapshots/store-object-bodies";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import { normalizeObject } from "@/lib/snapshot/normalize";
import { objectKeyOf, PROTOCOL_VERSION, type TFullManifest } from "@/lib/snapshot/protocol";

export const KUBERNETES_VERSION = "v1.31.2";
export const DAY_MS = 86_400_000;

export function namespace(name: string): K8sObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, uid: `ns-${name}`, labels: { "kubernetes.io/metadata.name": name } } };
}

export function deployment(ns: string, name: string, options: { privileged?: boolean } = {}): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns, uid: `uid-${ns}-${name}`, labels: { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: "app",
              image: `registry.example/${name}@sha256:${"a".repeat(64)}`,
              securityContext: options.privileged ? { privileged: true } : { allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
              resources: { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } },
            },
          ],
        },
      },
    },
  };
}

/** What the engine says about these objects, exactly as the pipeline feeds them (normalized, same cluster facts). */
export function engineReport(objects: K8sObject[], cluster: { name: string; provider: string }, options: { exceptions?: ExceptionRule[]; now?: Date } = {}): ScanReport {
  return runScan({
    objects: objects.map((o) => JSON.parse(canonicalJson(normalizeObject(o as K8sObject & Record<string, unknown>))) as K8sObject),
    cluster: { name: cluster.name, provider: cluster.provider, kubernetesVersion: KUBERNETES_VERSION },
    exceptions: options.exceptions,
    now: options.now ?? new Date(),
  });
}

export function frameworkScore(report: ScanReport, id: string): number | null {
  return report.frameworks.find((f) => f.id === id)?.score ?? null;
}

/**
 * Mean of one-decimal scores rounded half up to one decimal, as done on paper: 70.3 and 66.6 give
 * 68.45 → 68.5. Summed in tenths, because binary floats would make that 68.4499… → 68.4.
 */
export function mean(...scores: (number | null)[]): number {
  const tenths = scores.filter((s): s is number => s !== null).map((s) => Math.round(s * 10));
  return Math.round(tenths.reduce((a, b) => a + b, 0) / tenths.length) / 10;
}

/** Pushes objects as an agent would (manifest → missing bodies → complete) and evaluates the snapshot. */
export async function pushAndEvaluate(
  agent: AgentIdentity,
  objects: K8sObject[],
  cluster: { uid: string; name: string; provider: string },
  collectedAt: Date,
): Promise<{ snapshotId: string; clusterId: string }> {
  const bodies = new Map<string, unknown>();
  const entries: [string, string][] = [];
  for (const object of objects) {
    const text = canonicalJson(normalizeObject(object as K8sObject & Record<string, unknown>));
    const hash = sha256Hex(text);
    bodies.set(hash, JSON.parse(text));
    entries.push([objectKeyOf(object), hash]);
  }
  const manifest: TFullManifest = {
    protocolVersion: PROTOCOL_VERSION,
    idempotencyKey: `push-${randomBytes(6).toString("hex")}`,
    collectedAt: collectedAt.toISOString(),
    cluster: { uid: cluster.uid, name: cluster.name, provider: cluster.provider, kubernetesVersion: KUBERNETES_VERSION, nodeCount: 1, agentVersion: "0.1.0-test" },
    objects: entries,
    resourceTypes: [],
    collectionErrors: [],
  };
  const answer = await receiveManifest({ agent, manifest });
  if (answer.missing.length) {
    await storeObjectBodies({ agent, snapshotId: answer.snapshotId, chunk: { objects: answer.missing.map((hash) => ({ hash, body: bodies.get(hash) as Record<string, unknown> })) } });
  }
  await completeSnapshot({ agent, snapshotId: answer.snapshotId });
  await evaluateClusterBacklog(answer.snapshotId);
  return { snapshotId: answer.snapshotId, clusterId: answer.clusterId };
}
