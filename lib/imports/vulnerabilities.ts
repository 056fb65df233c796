// Image vulnerability reports (Trivy JSON SchemaVersion 2, Grype JSON) → one normalized report per
// image, named the way the container runtime names images, so they can be joined to workloads.
import { effectiveTag, isValidDigest, parseImageReference } from "../controls/workload-hygiene/image-reference";
import { ImportError, importErrorFromZod, readJsonInput, recognizeFormat, type ImportInput } from "./import-error";
import {
  ZGrypeDocument,
  ZGrypeImageTarget,
  ZTrivyReport,
  type GrypeDocument,
  type GrypeMatch,
  type TrivyReport,
  type TrivyVulnerability,
} from "./vulnerability-formats";

export type VulnerabilitySeverity = "critical" | "high" | "medium" | "low" | "unknown";
export const VULNERABILITY_SEVERITIES: readonly VulnerabilitySeverity[] = ["critical", "high", "medium", "low", "unknown"];

export interface ScannedImage {
  /** The image as the scanner named it (`nginx:1.27`, `ghcr.io/acme/api@sha256:…`). */
  reference: string;
  /** Fully qualified repository: `docker.io/library/nginx`. */
  repository: string;
  /** The tag the runtime pulls: the written tag, `latest` when neither tag nor digest is given. */
  tag?: string;
  /** Registry digest of the image, when the scanner reported one. */
  digest?: string;
  /** Every `repository:tag` the scanner reported for this image, normalized (`docker.io/library/nginx:1.27`). */
  names: string[];
  /** Every digest identifying this image: registry (index or manifest) digests and the config digest. */
  digests: string[];
}

export interface ImageVulnerability {
  /** Preferred id (a CVE id when the scanner knows one). */
  id: string;
  /** Other ids of the same vulnerability (GHSA ↔ CVE, vendor ids). */
  aliases: string[];
  severity: VulnerabilitySeverity;
  package: string;
  /** Package ecosystem as the scanner names it (`apk`, `deb`, `npm`, `gem`, `java-archive`, …). */
  packageType?: string;
  installedVersion: string;
  /** Versions that fix it, comma-separated as the scanner lists them. */
  fixedVersion?: string;
  title?: string;
  cvss?: { score: number; version?: string; vector?: string; source?: string };
  urls?: string[];
}

export interface ImageVulnerabilityReport {
  image: ScannedImage;
  scanner: { name: "trivy" | "grype"; version: string | null };
  /** When the scan ran; null when the file does not say. */
  scannedAt: string | null;
  os?: { family: string; version?: string };
  vulnerabilities: ImageVulnerability[];
}

export interface VulnerabilityImport {
  reports: ImageVulnerabilityReport[];
  warnings: string[];
}

const MAX_URLS = 20;

// ---------------------------------------------------------------------------------------------
// Image names

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.zst|oci)$/i;
/** Grype source schemes that still name a registry image. */
// `registry:5000/app` is a host named "registry" with a port, not the scheme.
const IMAGE_SCHEMES = /^(?:docker|podman|registry|containerd):(?!\/\/)(?!\d+\/)/;
/** Grype/Trivy sources that are files or directories, not images a workload could run by name. */
const FILE_SCHEMES = /^(?:docker-archive|oci-archive|oci-dir|dir|file|sbom|singularity):/;

/** The registry reference in a scanner's image name, or undefined for archives and paths. */
function imageReferenceOf(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const trimmed = name.trim();
  if (FILE_SCHEMES.test(trimmed) || ARCHIVE.test(trimmed) || /^(?:\/|\.\.?\/)/.test(trimmed)) return undefined;
  const reference = trimmed.replace(IMAGE_SCHEMES, "");
  const ref = parseImageReference(reference);
  return ref && ref.valid ? reference : undefined;
}

/** `docker.io/library/nginx:1.27` for a reference with a tag (or the implicit `latest`). */
function normalizedName(reference: string): string | undefined {
  const ref = parseImageReference(reference);
  if (!ref || !ref.valid) return undefined;
  const tag = effectiveTag(ref);
  return tag === undefined ? undefined : `${ref.name}:${tag}`;
}

/** The digest part of `repo@sha256:…`, a bare digest, or a runtime image id (`docker-pullable://…@sha256:…`). */
export function digestOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const at = value.lastIndexOf("@");
  const candidate = (at >= 0 ? value.slice(at + 1) : value.replace(/^[a-z-]+:\/\//, "")).trim();
  return isValidDigest(candidate) ? candidate : undefined;
}

/**
 * The image's identity. `registryDigests` are `repo@digest` names or registry digests (index or
 * manifest); `otherDigests` identify the same content another way (the config digest, which some
 * runtimes report as the image id).
 */
function buildImage(reference: string, otherNames: (string | null | undefined)[], registryDigests: (string | null | undefined)[], otherDigests: (string | null | undefined)[]): ScannedImage {
  const ref = parseImageReference(reference)!;
  const names = new Set<string>();
  for (const n of [reference, ...otherNames]) {
    const r = imageReferenceOf(n);
    const name = r && normalizedName(r);
    if (name) names.add(name);
  }
  const primary = digestOf(ref.digest) ?? registryDigests.map(digestOf).find((d): d is string => !!d);
  const digests = new Set<string>();
  if (primary) digests.add(primary);
  for (const d of [...registryDigests, ...otherDigests]) {
    const digest = digestOf(d);
    if (digest) digests.add(digest);
  }
  const tag = effectiveTag(ref);
  return {
    reference,
    repository: ref.name,
    ...(tag !== undefined ? { tag } : {}),
    ...(primary ? { digest: primary } : {}),
    names: [...names],
    digests: [...digests],
  };
}

// ---------------------------------------------------------------------------------------------
// Shared normalization

function normalizeSeverity(value: string | null | undefined): VulnerabilitySeverity {
  switch (value?.trim().toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
      return "high";
    case "medium":
    case "moderate":
      return "medium";
    case "low":
    // Grype's "Negligible" sits below low; we have no lower level to put it in.
    case "negligible":
      return "low";
    default:
      return "unknown";
  }
}

const SEVERITY_RANK: Record<VulnerabilitySeverity, number> = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };

export function compareSeverity(a: VulnerabilitySeverity, b: VulnerabilitySeverity): number {
  return SEVERITY_RANK[b] - SEVERITY_RANK[a];
}

function validTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t) || new Date(t).getUTCFullYear() <= 1) return null;
  return new Date(t).toISOString();
}

function uniqueUrls(urls: (string | null | undefined)[]): string[] | undefined {
  const out: string[] = [];
  for (const u of urls) if (u && /^https?:\/\//i.test(u) && !out.includes(u)) out.push(u);
  return out.length ? out.slice(0, MAX_URLS) : undefined;
}

function preferCve(ids: string[]): string {
  return ids.find((id) => /^CVE-/i.test(id)) ?? ids[0];
}

/**
 * Folds entries that describe the same vulnerability of the same package (a GHSA and its CVE, the
 * same id matched twice) into one, keeping the worst severity and every id, fix and link.
 */
function mergeSameVulnerability(entries: ImageVulnerability[]): ImageVulnerability[] {
  const groups: { ids: Set<string>; items: ImageVulnerability[] }[] = [];
  const byPackage = new Map<string, typeof groups>();
  for (const entry of entries) {
    const pkgKey = `${entry.packageType ?? ""}\u0000${entry.package}\u0000${entry.installedVersion}`;
    let pkgGroups = byPackage.get(pkgKey);
    if (!pkgGroups) byPackage.set(pkgKey, (pkgGroups = []));
    const ids = [entry.id, ...entry.aliases];
    const matching = pkgGroups.filter((g) => ids.some((id) => g.ids.has(id)));
    let target = matching[0];
    if (!target) {
      target = { ids: new Set(), items: [] };
      pkgGroups.push(target);
      groups.push(target);
    }
    for (const other of matching.slice(1)) {
      for (const id of other.ids) target.ids.add(id);
      target.items.push(...other.items);
      other.items = [];
      other.ids.clear();
      pkgGroups.splice(pkgGroups.indexOf(other), 1);
    }
    for (const id of ids) target.ids.add(id);
    target.items.push(entry);
  }
  return groups
    .filter((g) => g.items.length > 0)
    .map(({ ids, items }) => {
      const allIds = [...ids];
      const id = preferCve(items.map((i) => i.id)) ?? preferCve(allIds);
      const severity = items.map((i) => i.severity).sort(compareSeverity)[0];
      const withFix = items.find((i) => i.fixedVersion);
      const withTitle = items.find((i) => i.id === id && i.title) ?? items.find((i) => i.title);
      const cvss = items
        .map((i) => i.cvss)
        .filter((c): c is NonNullable<ImageVulnerability["cvss"]> => !!c)
        .sort((a, b) => Number(b.version ?? 0) - Number(a.version ?? 0) || b.score - a.score)[0];
      const urls = uniqueUrls(items.flatMap((i) => i.urls ?? []));
      const first = items[0];
      return {
        id,
        aliases: allIds.filter((a) => a !== id).sort(),
        severity,
        package: first.package,
        ...(first.packageType ? { packageType: first.packageType } : {}),
        installedVersion: first.installedVersion,
        ...(withFix?.fixedVersion ? { fixedVersion: withFix.fixedVersion } : {}),
        ...(withTitle?.title ? { title: withTitle.title } : {}),
        ...(cvss ? { cvss } : {}),
        ...(urls ? { urls } : {}),
      };
    })
    .sort((a, b) => compareSeverity(a.severity, b.severity) || a.id.localeCompare(b.id) || a.package.localeCompare(b.package));
}

// ---------------------------------------------------------------------------------------------
// Trivy

function trivyCvss(v: TrivyVulnerability): ImageVulnerability["cvss"] {
  const entries = Object.entries(v.CVSS ?? {});
  if (!entries.length) return undefined;
  const order = [v.SeveritySource ?? "", "nvd", ...entries.map(([source]) => source)];
  for (const source of order) {
    const c = v.CVSS?.[source];
    if (!c) continue;
    if (typeof c.V3Score === "number") return { score: c.V3Score, version: c.V3Vector?.match(/^CVSS:(\d\.\d)/)?.[1] ?? "3.x", ...(c.V3Vector ? { vector: c.V3Vector } : {}), source };
    if (typeof c.V40Score === "number") return { score: c.V40Score, version: "4.0", ...(c.V40Vector ? { vector: c.V40Vector } : {}), source };
    if (typeof c.V2Score === "number") return { score: c.V2Score, version: "2.0", ...(c.V2Vector ? { vector: c.V2Vector } : {}), source };
  }
  return undefined;
}

function fromTrivy(doc: TrivyReport, warnings: string[]): ImageVulnerabilityReport {
  if (doc.SchemaVersion !== 2) {
    throw new ImportError("wrong_format", `Trivy JSON SchemaVersion ${doc.SchemaVersion} is not supported (expected 2; use a current Trivy)`);
  }
  const meta = doc.Metadata;
  const isImage = doc.ArtifactType ? doc.ArtifactType === "container_image" : !!meta?.ImageID;
  if (!isImage) {
    throw new ImportError(
      "unsupported_target",
      `this Trivy report scanned a ${doc.ArtifactType ?? "non-image artifact"} (${doc.ArtifactName}), not a container image; only image reports can be joined to workloads (use \`trivy image --format json\`)`,
    );
  }
  const reference = [doc.ArtifactName, ...(meta?.RepoTags ?? []), ...(meta?.RepoDigests ?? [])].map(imageReferenceOf).find((r) => r !== undefined);
  if (!reference) {
    throw new ImportError(
      "unsupported_target",
      `the Trivy report does not name the image (artifact ${doc.ArtifactName}, no RepoTags or RepoDigests), so it cannot be matched to workloads; scan the image by its registry name`,
    );
  }
  const image = buildImage(reference, [...(meta?.RepoTags ?? []), doc.ArtifactName], meta?.RepoDigests ?? [], [meta?.ImageID]);

  const entries: ImageVulnerability[] = [];
  let notAffected = 0;
  for (const result of doc.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      if (v.Status === "not_affected") {
        notAffected++;
        continue;
      }
      const cvss = trivyCvss(v);
      const urls = uniqueUrls([v.PrimaryURL, ...(v.References ?? [])]);
      entries.push({
        id: v.VulnerabilityID,
        aliases: (v.VendorIDs ?? []).filter((id) => id !== v.VulnerabilityID),
        severity: normalizeSeverity(v.Severity),
        package: v.PkgName,
        ...(result.Type ? { packageType: result.Type } : {}),
        installedVersion: v.InstalledVersion ?? "",
        ...(v.FixedVersion ? { fixedVersion: v.FixedVersion } : {}),
        ...(v.Title ? { title: v.Title } : {}),
        ...(cvss ? { cvss } : {}),
        ...(urls ? { urls } : {}),
      });
    }
  }
  if (notAffected) warnings.push(`${image.reference}: ${notAffected} entr${notAffected > 1 ? "ies" : "y"} marked not_affected by Trivy left out`);
  const os = meta?.OS?.Family ? { family: meta.OS.Family, ...(meta.OS.Name ? { version: meta.OS.Name } : {}) } : undefined;
  return {
    image,
    scanner: { name: "trivy", version: doc.Trivy?.Version ?? null },
    scannedAt: validTime(doc.CreatedAt),
    ...(os ? { os } : {}),
    vulnerabilities: mergeSameVulnerability(entries),
  };
}

// ---------------------------------------------------------------------------------------------
// Grype

function grypeCvss(match: GrypeMatch): ImageVulnerability["cvss"] {
  const own = match.vulnerability.cvss ?? [];
  const related = (match.relatedVulnerabilities ?? []).flatMap((r) => r.cvss ?? []);
  const candidates = (own.length ? own : related)
    .filter((c) => typeof c.metrics?.baseScore === "number")
    .sort((a, b) => Number(b.version ?? 0) - Number(a.version ?? 0));
  const c = candidates[0];
  if (!c) return undefined;
  return {
    score: c.metrics!.baseScore!,
    ...(c.version ? { version: c.version } : {}),
    ...(c.vector ? { vector: c.vector } : {}),
    ...(c.source ? { source: c.source } : {}),
  };
}

function firstSentence(description: string | null | undefined): string | undefined {
  if (!description) return undefined;
  const clean = description.replace(/\s+/g, " ").trim();
  const end = clean.search(/\.(\s|$)/);
  const sentence = end > 0 ? clean.slice(0, end + 1) : clean;
  return sentence.length > 200 ? `${sentence.slice(0, 197)}…` : sentence;
}

function fromGrype(doc: GrypeDocument, path: string): ImageVulnerabilityReport {
  if (doc.source.type !== "image") {
    throw new ImportError(
      "unsupported_target",
      `this Grype report scanned a ${doc.source.type === "unknown" ? "source of unknown type" : doc.source.type}, not a container image; only image reports can be joined to workloads`,
    );
  }
  const target = ZGrypeImageTarget.safeParse(doc.source.target);
  if (!target.success) throw importErrorFromZod("Grype image report", target.error, doc.source.target);
  const t = target.data;
  const reference = [t.userInput, ...(t.tags ?? []), ...(t.repoDigests ?? [])].map(imageReferenceOf).find((r) => r !== undefined);
  if (!reference) {
    throw new ImportError("unsupported_target", `${path ? `${path}: ` : ""}the Grype report does not name the image (${t.userInput}), so it cannot be matched to workloads`);
  }
  const image = buildImage(reference, [...(t.tags ?? []), t.userInput], [...(t.repoDigests ?? []), t.manifestDigest], [t.imageID]);
  const entries: ImageVulnerability[] = (doc.matches ?? []).map((m) => {
    const v = m.vulnerability;
    const aliases = (m.relatedVulnerabilities ?? []).map((r) => r.id).filter((id) => id !== v.id);
    const fixed = v.fix?.state === "fixed" && v.fix.versions?.length ? v.fix.versions.join(", ") : undefined;
    const cvss = grypeCvss(m);
    const title = firstSentence(v.description) ?? firstSentence(m.relatedVulnerabilities?.find((r) => r.description)?.description);
    const urls = uniqueUrls([v.dataSource, ...(v.urls ?? [])]);
    return {
      id: v.id,
      aliases,
      severity: normalizeSeverity(v.severity),
      package: m.artifact.name,
      ...(m.artifact.type ? { packageType: m.artifact.type } : {}),
      installedVersion: m.artifact.version,
      ...(fixed ? { fixedVersion: fixed } : {}),
      ...(title ? { title } : {}),
      ...(cvss ? { cvss } : {}),
      ...(urls ? { urls } : {}),
    };
  });
  const version = doc.descriptor?.version && !doc.descriptor.version.startsWith("[") ? doc.descriptor.version : null;
  const os = doc.distro?.name ? { family: doc.distro.name, ...(doc.distro.version ? { version: doc.distro.version } : {}) } : undefined;
  return {
    image,
    scanner: { name: "grype", version },
    scannedAt: validTime(doc.descriptor?.timestamp),
    ...(os ? { os } : {}),
    vulnerabilities: mergeSameVulnerability(entries),
  };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Which scanner wrote a parsed document: "trivy", "grype", or undefined. */
export function detectVulnerabilityFormat(value: unknown): "trivy" | "grype" | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const doc = value as Record<string, unknown>;
  // Kubescape's image scans embed a Grype document next to its own fields.
  if (Array.isArray(doc.matches) && doc.source && typeof doc.source === "object") return "grype";
  const format = recognizeFormat(value);
  return format === "trivy" || format === "grype" ? format : undefined;
}

function importOne(value: unknown, path: string, warnings: string[]): ImageVulnerabilityReport {
  const format = detectVulnerabilityFormat(value);
  const at = path ? `${path}: ` : "";
  if (format === "trivy") {
    const parsed = ZTrivyReport.safeParse(value);
    if (!parsed.success) throw importErrorFromZod("Trivy JSON report", parsed.error, value);
    return fromTrivy(parsed.data, warnings);
  }
  if (format === "grype") {
    const parsed = ZGrypeDocument.safeParse(value);
    if (!parsed.success) throw importErrorFromZod("Grype JSON report", parsed.error, value);
    return fromGrype(parsed.data, path);
  }
  const other = recognizeFormat(value);
  if (other === "kubescape") {
    throw new ImportError("wrong_format", `${at}this is Kubescape scan results, not a vulnerability report; import it with \`shipshape import kubescape\``);
  }
  if (other === "trivy-k8s") {
    throw new ImportError(
      "unsupported_target",
      `${at}this is a \`trivy k8s\` cluster report; import one \`trivy image --format json\` report per image instead`,
    );
  }
  throw new ImportError(
    "wrong_format",
    `${at}not a vulnerability report: expected Trivy JSON (an object with SchemaVersion 2, ArtifactName and Results) or Grype JSON (an object with matches and source)`,
  );
}

/**
 * Reads a Trivy or Grype JSON document (or a JSON array of them) into one normalized report per
 * image. Pure; throws ImportError on bad input.
 */
export function importVulnerabilityReports(input: ImportInput, options: { maxBytes?: number } = {}): VulnerabilityImport {
  const value = readJsonInput(input, options.maxBytes);
  const warnings: string[] = [];
  const docs = Array.isArray(value) ? value : [value];
  if (docs.length === 0) throw new ImportError("invalid_report", "the file holds an empty list: no vulnerability report to import");
  const reports = docs.map((doc, i) => importOne(doc, Array.isArray(value) ? `[${i}]` : "", warnings));
  return { reports, warnings };
}
