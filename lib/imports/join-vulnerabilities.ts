// Joins image vulnerability reports to the workloads that run those images, with the facts that
// make a vulnerability urgent: reachable from outside the cluster, running privileged.
import { buildContext } from "../engine/build-context";
import { refOf } from "../engine/object-index";
import type { EvalContext, K8sObject, ObjectRef } from "../engine/types";
import { containersOf, type ContainerGroup } from "../engine/workload";
import { exposureOf, type ExposureVia } from "../controls/network/exposure";
import { effectiveTag, parseImageReference } from "../controls/workload-hygiene/image-reference";
import {
  compareSeverity,
  digestOf,
  VULNERABILITY_SEVERITIES,
  type ImageVulnerability,
  type ImageVulnerabilityReport,
  type VulnerabilitySeverity,
} from "./vulnerabilities";

export interface ContainerImageMatch {
  /** Container name. */
  container: string;
  group: ContainerGroup;
  /** Path of the container in the workload (`spec.template.spec.containers[0]`). */
  path: string;
  /** The image as the workload writes it. */
  image: string;
  /** `digest`: the running or pinned digest is one the report names; `tag`: same repository and tag only. */
  matchedBy: "digest" | "tag";
  /** References of the reports that matched. */
  reports: string[];
  privileged: boolean;
  /** Why it counts as privileged, as paths: `….securityContext.privileged`, `….capabilities.add[0]`. */
  privilegedPaths: string[];
}

export interface WorkloadVulnerability extends ImageVulnerability {
  /** Names of the workload's containers whose image has it. */
  containers: string[];
}

export interface WorkloadExposure {
  via: ExposureVia;
  /** The object that opens the path (the Service itself, an Ingress, a route, a VirtualService). */
  entry: ObjectRef;
  /** The Service selecting the workload's pods. */
  service: ObjectRef;
  /** True when the entry point is a private (VPC-internal) load balancer or ingress. */
  internal: boolean;
  description: string;
}

export interface WorkloadVulnerabilities {
  workload: ObjectRef;
  containers: ContainerImageMatch[];
  /** Distinct vulnerability ids by their worst severity in the workload (a CVE in two packages counts once). */
  bySeverity: Record<VulnerabilitySeverity, number>;
  highestSeverity?: VulnerabilitySeverity;
  /** One entry per vulnerability and package version. */
  vulnerabilities: WorkloadVulnerability[];
  /** Distinct vulnerability ids with a fixed version available. */
  fixable: number;
  /** Reachable from outside the cluster by at least one path (internal load balancers included). */
  exposed: boolean;
  /** Reachable through at least one entry point that is not marked internal. */
  internetFacing: boolean;
  exposure: WorkloadExposure[];
  /** At least one affected container runs privileged or with CAP_SYS_ADMIN. */
  privileged: boolean;
}

export interface VulnerabilityJoin {
  /** Affected workloads, worst first. */
  workloads: WorkloadVulnerabilities[];
  /** References of reports no workload runs. */
  unmatchedReports: string[];
}

type Source = { objects: readonly K8sObject[] } | { context: EvalContext };

const SYS_ADMIN = new Set(["SYS_ADMIN", "CAP_SYS_ADMIN", "ALL"]);

/** Paths that make a container privileged: `privileged: true`, or CAP_SYS_ADMIN (or ALL) added. */
function privilegedPathsOf(container: Record<string, unknown>, path: string): string[] {
  const sc = (container.securityContext ?? {}) as { privileged?: unknown; capabilities?: { add?: unknown } };
  const paths: string[] = [];
  if (sc.privileged === true) paths.push(`${path}.securityContext.privileged`);
  const add = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
  add.forEach((cap, i) => {
    if (typeof cap === "string" && SYS_ADMIN.has(cap.trim().toUpperCase())) paths.push(`${path}.securityContext.capabilities.add[${i}]`);
  });
  return paths;
}

/** `docker.io/library/nginx:1.27` for an image with a tag (or the implicit `latest`), else undefined. */
function tagName(image: string): string | undefined {
  const ref = parseImageReference(image);
  if (!ref || !ref.valid) return undefined;
  const tag = effectiveTag(ref);
  return tag === undefined ? undefined : `${ref.name}:${tag}`;
}

const STATUS_LISTS = ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"] as const;

/** Digests the runtime reports per container name, over the Pods a top-level workload owns. */
function runningDigests(ctx: EvalContext): Map<K8sObject, Map<string, Set<string>>> {
  const byWorkload = new Map<K8sObject, Map<string, Set<string>>>();
  for (const pod of ctx.index.byKind("Pod")) {
    const top = ctx.index.topOwner(pod);
    for (const list of STATUS_LISTS) {
      const statuses = pod.status?.[list];
      if (!Array.isArray(statuses)) continue;
      for (const s of statuses) {
        if (typeof s?.name !== "string") continue;
        const digests = [digestOf(typeof s.imageID === "string" ? s.imageID : undefined), digestOf(typeof s.image === "string" && s.image.includes("@") ? s.image : undefined)];
        for (const digest of digests) {
          if (!digest) continue;
          let containers = byWorkload.get(top);
          if (!containers) byWorkload.set(top, (containers = new Map()));
          let set = containers.get(s.name);
          if (!set) containers.set(s.name, (set = new Set()));
          set.add(digest);
        }
      }
    }
  }
  return byWorkload;
}

function vulnerabilityKey(v: ImageVulnerability): string {
  return `${v.id}\u0000${v.packageType ?? ""}\u0000${v.package}\u0000${v.installedVersion}`;
}

/**
 * Joins vulnerability reports to the workloads running their images. A container matches a report
 * by digest first (a digest the image is pinned to, or the one the runtime reports in Pod status
 * `imageID`); only when no report matches by digest, by repository and tag (Docker Hub and
 * `library/` defaults applied, `latest` when no tag is written). Pure.
 */
export function joinVulnerabilitiesToWorkloads(source: Source, reports: readonly ImageVulnerabilityReport[]): VulnerabilityJoin {
  const ctx = "context" in source ? source.context : buildContext({ objects: source.objects });
  const byDigest = new Map<string, ImageVulnerabilityReport[]>();
  const byName = new Map<string, ImageVulnerabilityReport[]>();
  const push = (map: Map<string, ImageVulnerabilityReport[]>, key: string, report: ImageVulnerabilityReport) => {
    const list = map.get(key) ?? [];
    if (!list.includes(report)) list.push(report);
    map.set(key, list);
  };
  for (const report of reports) {
    for (const d of report.image.digests) push(byDigest, d, report);
    if (report.image.digest) push(byDigest, report.image.digest, report);
    for (const n of report.image.names) push(byName, n, report);
    if (report.image.tag) push(byName, `${report.image.repository}:${report.image.tag}`, report);
  }

  const running = runningDigests(ctx);
  const used = new Set<ImageVulnerabilityReport>();
  const workloads: WorkloadVulnerabilities[] = [];

  for (const workload of ctx.index.workloads()) {
    const statusDigests = running.get(workload);
    const matches: { match: ContainerImageMatch; reports: ImageVulnerabilityReport[] }[] = [];
    for (const { container, path, group } of containersOf(workload)) {
      const image = typeof container.image === "string" ? container.image : "";
      const name = typeof container.name === "string" ? container.name : "";
      const digests = new Set<string>(statusDigests?.get(name) ?? []);
      const pinned = digestOf(image.includes("@") ? image : undefined);
      if (pinned) digests.add(pinned);
      let matched: ImageVulnerabilityReport[] = [];
      let matchedBy: ContainerImageMatch["matchedBy"] = "digest";
      for (const d of digests) for (const r of byDigest.get(d) ?? []) if (!matched.includes(r)) matched.push(r);
      if (matched.length === 0) {
        const n = tagName(image);
        matched = n ? [...(byName.get(n) ?? [])] : [];
        matchedBy = "tag";
      }
      if (matched.length === 0) continue;
      for (const r of matched) used.add(r);
      const privilegedPaths = privilegedPathsOf(container, path);
      matches.push({
        match: {
          container: name,
          group,
          path,
          image,
          matchedBy,
          reports: matched.map((r) => r.image.reference),
          privileged: privilegedPaths.length > 0,
          privilegedPaths,
        },
        reports: matched,
      });
    }
    if (matches.length === 0) continue;

    const vulns = new Map<string, WorkloadVulnerability>();
    for (const { match, reports: matched } of matches) {
      for (const report of matched) {
        for (const v of report.vulnerabilities) {
          const key = vulnerabilityKey(v);
          const existing = vulns.get(key);
          if (existing) {
            if (!existing.containers.includes(match.container)) existing.containers.push(match.container);
            if (compareSeverity(v.severity, existing.severity) < 0) existing.severity = v.severity;
          } else {
            vulns.set(key, { ...v, containers: [match.container] });
          }
        }
      }
    }
    const vulnerabilities = [...vulns.values()].sort(
      (a, b) => compareSeverity(a.severity, b.severity) || a.id.localeCompare(b.id) || a.package.localeCompare(b.package),
    );
    const worstById = new Map<string, { severity: VulnerabilitySeverity; fixable: boolean }>();
    for (const v of vulnerabilities) {
      const seen = worstById.get(v.id);
      if (!seen) worstById.set(v.id, { severity: v.severity, fixable: !!v.fixedVersion });
      else {
        if (compareSeverity(v.severity, seen.severity) < 0) seen.severity = v.severity;
        seen.fixable ||= !!v.fixedVersion;
      }
    }
    const bySeverity = Object.fromEntries(VULNERABILITY_SEVERITIES.map((s) => [s, 0])) as Record<VulnerabilitySeverity, number>;
    for (const { severity } of worstById.values()) bySeverity[severity]++;
    const highestSeverity = VULNERABILITY_SEVERITIES.find((s) => bySeverity[s] > 0);

    const exposure: WorkloadExposure[] = exposureOf(ctx, workload).map((p) => ({
      via: p.via,
      entry: refOf(p.entry),
      service: refOf(p.service),
      internal: p.internal,
      description: p.description,
    }));

    workloads.push({
      workload: refOf(workload),
      containers: matches.map((m) => m.match),
      bySeverity,
      ...(highestSeverity ? { highestSeverity } : {}),
      vulnerabilities,
      fixable: [...worstById.values()].filter((v) => v.fixable).length,
      exposed: exposure.length > 0,
      internetFacing: exposure.some((e) => !e.internal),
      exposure,
      privileged: matches.some((m) => m.match.privileged),
    });
  }

  workloads.sort((a, b) => {
    for (const s of VULNERABILITY_SEVERITIES) if (a.bySeverity[s] !== b.bySeverity[s]) return b.bySeverity[s] - a.bySeverity[s];
    return Number(b.exposed) - Number(a.exposed) || Number(b.privileged) - Number(a.privileged) || refLabel(a.workload).localeCompare(refLabel(b.workload));
  });
  return { workloads, unmatchedReports: reports.filter((r) => !used.has(r)).map((r) => r.image.reference) };
}

function refLabel(ref: ObjectRef): string {
  return `${ref.namespace ?? ""}/${ref.kind}/${ref.name}`;
}
