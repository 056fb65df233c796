import { describe, expect, it } from "vitest";
import { containersOf } from "@/lib/engine/workload";
import { activeChanges, clusterTimeline } from "@/prisma/seed/cluster-timeline";
import { DEMO_ORGS, kubernetesVersionOn } from "@/prisma/seed/demo-fleet";
import { stableUid } from "@/prisma/seed/deterministic-random";
import { buildClusterObjects } from "@/prisma/seed/synthetic-objects";

const clusters = DEMO_ORGS.flatMap((o) => o.clusters);
const prodEks = clusters.find((c) => c.name === "prod-us-east-1")!;

describe("demo fleet generator", () => {
  it("produces the same timeline and objects on every run", () => {
    for (const spec of clusters) {
      expect(clusterTimeline(spec)).toEqual(clusterTimeline(spec));
      const changes = activeChanges(clusterTimeline(spec), 10);
      expect(buildClusterObjects(spec, changes, "v1.31.0")).toEqual(buildClusterObjects(spec, changes, "v1.31.0"));
    }
    expect(stableUid("a", "b")).toBe(stableUid("a", "b"));
    expect(stableUid("a", "b")).not.toBe(stableUid("ab", ""));
  });

  it("gives every object a kind, a name and a unique uid", () => {
    const objects = buildClusterObjects(prodEks, new Set(["debug-toolbox", "ci-cluster-admin", "legacy-nodeport", "new-service"]), "v1.31.4");
    const uids = objects.map((o) => o.metadata.uid);
    expect(new Set(uids).size).toBe(objects.length);
    expect(objects.every((o) => o.apiVersion && o.kind && o.metadata.name)).toBe(true);
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of ["Namespace", "Deployment", "DaemonSet", "StatefulSet", "CronJob", "Service", "Ingress", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ServiceAccount", "Node"]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it("applies each change: the debug toolbox runs privileged only while its incident lasts", () => {
    const timeline = clusterTimeline(prodEks);
    const incident = timeline.find((w) => w.key === "debug-toolbox")!;
    const during = buildClusterObjects(prodEks, activeChanges(timeline, incident.fromDay), "v1.31.4");
    const after = buildClusterObjects(prodEks, activeChanges(timeline, incident.toDay!), "v1.31.4");
    const toolbox = during.find((o) => o.metadata.name === "debug-toolbox")!;
    expect(containersOf(toolbox)[0].container.securityContext.privileged).toBe(true);
    expect(toolbox.spec.template.spec.hostPID).toBe(true);
    expect(after.find((o) => o.metadata.name === "debug-toolbox")).toBeUndefined();
  });

  it("hardens the payments namespace once its hardening change lands", () => {
    const timeline = clusterTimeline(prodEks);
    const hardenedFrom = timeline.find((w) => w.key === "payments-hardened")!.fromDay;
    const payments = (day: number) =>
      buildClusterObjects(prodEks, activeChanges(timeline, day), "v1.31.4").find((o) => o.kind === "Deployment" && o.metadata.name === "payments-api")!;
    const before = containersOf(payments(hardenedFrom - 1))[0].container;
    const after = containersOf(payments(hardenedFrom))[0].container;
    expect(before.securityContext).toBeUndefined();
    expect(after.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
    expect(payments(hardenedFrom).spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  it("follows Kubernetes upgrades over the history", () => {
    expect(kubernetesVersionOn(prodEks, 0)).toMatch(/^v1\.30\./);
    expect(kubernetesVersionOn(prodEks, 89)).toMatch(/^v1\.31\./);
  });

  it("keeps demo cluster settings within what the registration form accepts", () => {
    const labelKey = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
    for (const spec of clusters) {
      expect(spec.name).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
      for (const [key, value] of Object.entries(spec.labels)) {
        expect(key).toMatch(labelKey);
        expect(value).toMatch(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/);
      }
    }
  });
});
