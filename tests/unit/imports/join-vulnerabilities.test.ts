// Joining the corpus vulnerability reports to synthetic workloads that run those images.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { K8sObject } from "@/lib/engine/types";
import { joinVulnerabilitiesToWorkloads } from "@/lib/imports/join-vulnerabilities";
import { importVulnerabilityReports, type ImageVulnerabilityReport } from "@/lib/imports/vulnerabilities";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus/vuln-reports");
const report = (name: string): ImageVulnerabilityReport => importVulnerabilityReports(fs.readFileSync(path.join(CORPUS, name), "utf8")).reports[0];

const ALPINE_310 = report("trivy/alpine-310.json.golden");
const ALPINE_39 = report("trivy/alpine-39-high-critical.json.golden");
const DEBIAN = report("trivy/debian-buster.json.golden");
const RUBY = report("grype/explain-chainguard-ruby-test.json");
const KEYCLOAK = report("grype/explain-keycloak-test.json");
const USER_INPUT = report("grype/TestJsonImgsPresenter.golden.json");
const REPORTS = [ALPINE_310, ALPINE_39, DEBIAN, RUBY, KEYCLOAK, USER_INPUT];

const ALPINE_310_CONFIG = "sha256:961769676411f082461f9ef46626dd7a2d1e2b2a38e6a44364bcbecf51e66dd4";
const RUBY_DIGEST = "sha256:3c9afb4f188827ea1062ec3b8acea32893236a0d7df31e0498df93486cff0978";
const KEYCLOAK_INDEX = "sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50";

function deployment(name: string, namespace: string, containers: object[], extra: { initContainers?: object[] } = {}): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, uid: `uid-${name}` },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers, ...extra } },
    },
  };
}

function service(name: string, namespace: string, app: string, type = "ClusterIP"): K8sObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec: { type, selector: { app }, ports: [{ port: 80, targetPort: 8080 }] } };
}

const objects: K8sObject[] = [
  // Runs alpine-310 by tag, privileged, behind an Ingress.
  deployment("web", "shop", [{ name: "app", image: "ghcr.io/aquasecurity/trivy-test-images:alpine-310", securityContext: { privileged: true } }]),
  service("web", "shop", "web"),
  {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: "shop", namespace: "shop" },
    spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }] },
  },
  // Pins the ruby image by digest, adds CAP_SYS_ADMIN, behind a LoadBalancer.
  deployment("api", "shop", [{ name: "api", image: `cgr.dev/chainguard/ruby@${RUBY_DIGEST}`, securityContext: { capabilities: { add: ["NET_BIND_SERVICE", "SYS_ADMIN"] } } }]),
  service("api-public", "shop", "api", "LoadBalancer"),
  // Keycloak written by tag without registry; its running Pod reports the index digest; a sidecar
  // init container runs the golden "user-input" image (docker.io/library/user-input:latest).
  deployment("auth", "iam", [{ name: "keycloak", image: "keycloak/keycloak:21.0.2" }], { initContainers: [{ name: "setup", image: "user-input" }] }),
  {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "auth-5d9f", namespace: "iam", uid: "uid-auth-rs", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "auth", uid: "uid-auth", controller: true }] },
    spec: { template: { metadata: { labels: { app: "auth" } }, spec: { containers: [{ name: "keycloak", image: "keycloak/keycloak:21.0.2" }] } } },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "auth-5d9f-x1", namespace: "iam", labels: { app: "auth" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "auth-5d9f", uid: "uid-auth-rs", controller: true }] },
    spec: { containers: [{ name: "keycloak", image: "keycloak/keycloak:21.0.2" }] },
    status: { containerStatuses: [{ name: "keycloak", image: "docker.io/keycloak/keycloak:21.0.2", imageID: `docker.io/keycloak/keycloak@${KEYCLOAK_INDEX}` }] },
  },
  // Written as alpine-39, but the runtime says it runs the content of alpine-310 (docker runtime
  // reporting the config digest): the digest decides.
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "legacy", namespace: "ops" },
    spec: { containers: [{ name: "tool", image: "ghcr.io/aquasecurity/trivy-test-images:alpine-39" }] },
    status: { containerStatuses: [{ name: "tool", image: "ghcr.io/aquasecurity/trivy-test-images:alpine-39", imageID: `docker://${ALPINE_310_CONFIG}` }] },
  },
  // A CronJob on alpine-39 by tag, nothing exposes it.
  {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "nightly", namespace: "ops" },
    spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { containers: [{ name: "job", image: "ghcr.io/aquasecurity/trivy-test-images:alpine-39" }] } } } } },
  },
  // Runs an image no report covers.
  deployment("cache", "shop", [{ name: "redis", image: "redis:7" }]),
];

describe("joinVulnerabilitiesToWorkloads", () => {
  const join = joinVulnerabilitiesToWorkloads({ objects }, REPORTS);
  const byName = (name: string) => join.workloads.find((w) => w.workload.name === name);

  it("returns only workloads running a reported image, worst first", () => {
    expect(join.workloads.map((w) => `${w.workload.kind}/${w.workload.name}`)).toEqual([
      "Deployment/auth", // one critical (CVE-1999-0002 from the user-input image)
      "CronJob/nightly", // one critical (CVE-2019-14697)
      "Deployment/api", // one high
      "Deployment/web", // two medium, exposed, privileged
      "Pod/legacy", // two medium, not exposed
    ]);
    expect(byName("cache")).toBeUndefined();
    expect(join.unmatchedReports).toEqual([DEBIAN.image.reference]);
  });

  it("web: tag match on alpine-310, exposed via Ingress, privileged container", () => {
    const web = byName("web")!;
    expect(web.workload).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "shop", uid: "uid-web" });
    expect(web.containers).toEqual([
      {
        container: "app",
        group: "containers",
        path: "spec.template.spec.containers[0]",
        image: "ghcr.io/aquasecurity/trivy-test-images:alpine-310",
        matchedBy: "tag",
        reports: ["ghcr.io/aquasecurity/trivy-test-images:alpine-310"],
        privileged: true,
        privilegedPaths: ["spec.template.spec.containers[0].securityContext.privileged"],
      },
    ]);
    // Two CVEs, each in libcrypto1.1 and libssl1.1: two distinct ids, four package entries.
    expect(web.bySeverity).toEqual({ critical: 0, high: 0, medium: 2, low: 0, unknown: 0 });
    expect(web.vulnerabilities).toHaveLength(4);
    expect(web.fixable).toBe(2);
    expect(web.highestSeverity).toBe("medium");
    expect(web.exposed).toBe(true);
    expect(web.internetFacing).toBe(true);
    expect(web.exposure).toEqual([
      expect.objectContaining({ via: "Ingress", entry: expect.objectContaining({ kind: "Ingress", name: "shop" }), service: expect.objectContaining({ kind: "Service", name: "web" }), internal: false }),
    ]);
    expect(web.privileged).toBe(true);
  });

  it("api: digest-pinned ruby image, LoadBalancer, SYS_ADMIN counts as privileged", () => {
    const api = byName("api")!;
    expect(api.containers[0]).toMatchObject({ matchedBy: "digest", privileged: true, privilegedPaths: ["spec.template.spec.containers[0].securityContext.capabilities.add[1]"] });
    expect(api.bySeverity).toEqual({ critical: 0, high: 1, medium: 0, low: 0, unknown: 0 });
    expect(api.vulnerabilities.map((v) => `${v.id}/${v.package}`)).toEqual(["CVE-2023-28755/ruby-3.0", "CVE-2023-28755/uri"]);
    expect(api.exposure.map((e) => [e.via, e.service.name])).toEqual([["LoadBalancer", "api-public"]]);
  });

  it("auth: the running Pod's imageID matches the keycloak index digest; the init container matches by Docker Hub defaults", () => {
    const auth = byName("auth")!;
    expect(auth.containers.map((c) => [c.container, c.group, c.matchedBy, c.reports])).toEqual([
      ["keycloak", "containers", "digest", [KEYCLOAK.image.reference]],
      ["setup", "initContainers", "tag", ["user-input"]],
    ]);
    // keycloak: one CVE in six packages (low); user-input: CVE-1999-0001 low, CVE-1999-0002 critical.
    expect(auth.bySeverity).toEqual({ critical: 1, high: 0, medium: 0, low: 2, unknown: 0 });
    expect(auth.vulnerabilities.find((v) => v.id === "CVE-1999-0002")!.containers).toEqual(["setup"]);
    expect(auth.vulnerabilities.filter((v) => v.id === "CVE-2020-12413")).toHaveLength(6);
    expect(auth.fixable).toBe(1);
    expect(auth.exposed).toBe(false);
    expect(auth.privileged).toBe(false);
  });

  it("a digest the runtime reports wins over the tag the spec names", () => {
    const legacy = byName("legacy")!;
    expect(legacy.containers[0]).toMatchObject({ matchedBy: "digest", reports: [ALPINE_310.image.reference] });
    expect(legacy.vulnerabilities.every((v) => v.id.startsWith("CVE-2019-15"))).toBe(true);
    const nightly = byName("nightly")!;
    expect(nightly.containers[0]).toMatchObject({ path: "spec.jobTemplate.spec.template.spec.containers[0]", matchedBy: "tag", reports: [ALPINE_39.image.reference] });
    expect(nightly.bySeverity.critical).toBe(1);
  });

  it("accepts an already built evaluation context", async () => {
    const { buildContext } = await import("@/lib/engine/build-context");
    const again = joinVulnerabilitiesToWorkloads({ context: buildContext({ objects }) }, REPORTS);
    expect(again.workloads.map((w) => w.workload.name)).toEqual(join.workloads.map((w) => w.workload.name));
  });

  it("matches nothing when no workload runs the images", () => {
    const none = joinVulnerabilitiesToWorkloads({ objects: [deployment("x", "y", [{ name: "c", image: "nginx:1.27" }])] }, REPORTS);
    expect(none.workloads).toEqual([]);
    expect(none.unmatchedReports).toHaveLength(REPORTS.length);
  });
});
