// Container image references as the container runtime resolves them (distribution/reference rules):
// `[registry[:port]/]repository[:tag][@digest]`, Docker Hub as the default registry, `library/` for
// official images, and the docker.io aliases folded into one name.

export const DOCKER_HUB = "docker.io";

const DOCKER_HUB_ALIASES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);

export interface ImageReference {
  /** The reference exactly as written in the manifest. */
  raw: string;
  /** Registry host (and port), normalized: `docker.io`, `gcr.io`, `localhost:5000`. */
  registry: string;
  /** Whether the registry was written in the reference (false = implicit Docker Hub). */
  explicitRegistry: boolean;
  /** Repository path inside the registry: `library/nginx`, `my-project/app`. */
  repository: string;
  tag?: string;
  /** `algorithm:encoded`, e.g. `sha256:…`. */
  digest?: string;
  /** Fully qualified name without tag or digest: `docker.io/library/nginx`. */
  name: string;
  /** Name as written, without tag or digest: `nginx`, `internal-registry/app`. */
  writtenName: string;
  /** False when the reference breaks the reference grammar (the kubelet could not pull it). */
  valid: boolean;
}

// One repository path component, and a whole path of them separated by "/".
const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const REPOSITORY_PATH = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::\d+)?$/;

/** Folds Docker Hub's historical host names into `docker.io` and lower-cases the host. */
export function normalizeRegistryHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/** True when the first path component of a name is a registry host rather than a Docker Hub namespace. */
function looksLikeRegistry(component: string): boolean {
  return component.includes(".") || component.includes(":") || component === "localhost" || component !== component.toLowerCase();
}

/**
 * Parses an image reference. Returns undefined for an empty or non-string image; malformed
 * references are still parsed as far as possible and flagged with `valid: false`.
 */
export function parseImageReference(image: unknown): ImageReference | undefined {
  if (typeof image !== "string") return undefined;
  const raw = image;
  let rest = image.trim();
  if (!rest) return undefined;
  let valid = rest === image;

  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) valid = false;
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) valid = false;
  }

  const writtenName = rest;
  const firstSlash = rest.indexOf("/");
  let registry = DOCKER_HUB;
  let explicitRegistry = false;
  let repository = rest;
  if (firstSlash >= 0 && looksLikeRegistry(rest.slice(0, firstSlash))) {
    const host = rest.slice(0, firstSlash);
    if (!HOST.test(host)) valid = false;
    registry = normalizeRegistryHost(host);
    explicitRegistry = true;
    repository = rest.slice(firstSlash + 1);
  }
  if (registry === DOCKER_HUB && repository && !repository.includes("/")) repository = `library/${repository}`;
  if (!repository || !REPOSITORY_PATH.test(repository)) valid = false;

  return {
    raw,
    registry,
    explicitRegistry,
    repository,
    tag,
    digest,
    name: repository ? `${registry}/${repository}` : registry,
    writtenName,
    valid,
  };
}

/** The last path component of the repository (`controller` for `ingress-nginx/controller`). */
export function imageBaseName(ref: ImageReference): string {
  const parts = ref.repository.split("/");
  return parts[parts.length - 1] ?? "";
}

// OCI image-spec: registered algorithms have fixed, lower-case hex encodings; other algorithms
// only need to follow the general grammar.
const REGISTERED_DIGESTS: Record<string, RegExp> = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/,
  blake3: /^[a-f0-9]{64}$/,
};

/** True when `digest` is a well-formed OCI content digest (`sha256:` + 64 lower-case hex, …). */
export function isValidDigest(digest: string | undefined): boolean {
  if (!digest || !DIGEST.test(digest)) return false;
  const sep = digest.indexOf(":");
  const algorithm = digest.slice(0, sep);
  const encoded = digest.slice(sep + 1);
  const rule = REGISTERED_DIGESTS[algorithm];
  return rule ? rule.test(encoded) : true;
}

/** The tag the runtime pulls: the written tag, or `latest` when neither tag nor digest is given. */
export function effectiveTag(ref: ImageReference): string | undefined {
  if (ref.tag !== undefined) return ref.tag;
  return ref.digest ? undefined : "latest";
}

/**
 * True when the image can change under the same reference: no valid digest, and the tag is
 * missing, `latest`, or one of the configured floating tags (compared case-insensitively).
 */
export function hasMutableTag(ref: ImageReference, floatingTags: readonly string[]): boolean {
  if (isValidDigest(ref.digest)) return false;
  const tag = effectiveTag(ref);
  if (tag === undefined) return false;
  const lower = tag.toLowerCase();
  return lower === "latest" || floatingTags.some((t) => typeof t === "string" && t.trim().toLowerCase() === lower);
}

function cleanPattern(pattern: string): string {
  return pattern.trim().replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
}

function splitHostPort(host: string): { hostname: string; port?: string } {
  const m = host.match(/^(.*?)(?::(\d+))?$/);
  return { hostname: m?.[1] ?? host, port: m?.[2] };
}

/**
 * Whether an image comes from a registry or repository named in settings. A pattern without `/`
 * names a registry host: it matches that host and its subdomains (`amazonaws.com` matches
 * `123.dkr.ecr.eu-west-1.amazonaws.com`), a `*.` prefix is accepted, and a port must match exactly
 * (`gcr.io` does not match `gcr.io:5000`). It also matches a Docker Hub namespace written the same
 * way (`myorg` matches `myorg/app`). A pattern with `/` is a repository prefix that matches on path
 * boundaries (`ghcr.io/acme` matches `ghcr.io/acme/api`, not `ghcr.io/acme-evil/api`), compared with
 * both the fully qualified and the written name.
 */
export function matchesRegistryPattern(ref: ImageReference, pattern: string): boolean {
  if (typeof pattern !== "string") return false;
  const cleaned = cleanPattern(pattern);
  if (!cleaned) return false;
  if (!cleaned.includes("/")) {
    const wanted = normalizeRegistryHost(cleaned.replace(/^\*\./, ""));
    const { hostname: wantedHost, port: wantedPort } = splitHostPort(wanted);
    const { hostname, port } = splitHostPort(ref.registry);
    if (wantedPort !== undefined) {
      if (ref.registry === wanted) return true;
    } else if (port === undefined && (hostname === wantedHost || hostname.endsWith(`.${wantedHost}`))) {
      return true;
    }
    return hasPathPrefix(ref.writtenName, cleaned);
  }
  const slash = cleaned.indexOf("/");
  const head = cleaned.slice(0, slash);
  const qualified = looksLikeRegistry(head)
    ? `${normalizeRegistryHost(head)}${cleaned.slice(slash)}`
    : `${DOCKER_HUB}/${cleaned}`;
  return hasPathPrefix(ref.name, qualified) || hasPathPrefix(ref.writtenName, cleaned);
}

function hasPathPrefix(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}/`);
}

/** Returns the first pattern the image matches, if any. */
export function firstMatchingPattern(ref: ImageReference, patterns: readonly string[] | undefined): string | undefined {
  if (!Array.isArray(patterns)) return undefined;
  return patterns.find((p) => matchesRegistryPattern(ref, p));
}

export interface SemanticVersion {
  major: number;
  minor: number;
  patch: number;
}

/**
 * Reads a release version from an image tag: `v1.9.4`, `1.9.4`, `9.2.3-ubuntu`, `v1.0.0-beta.1`.
 * Returns undefined for tags that carry no version (`latest`, `stable`, a commit hash).
 */
export function versionFromTag(tag: string | undefined): SemanticVersion | undefined {
  if (!tag) return undefined;
  const m = tag.match(/^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+_.].*)?$/i);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]) };
}

/** Parses a dotted version string (`1.6.12`, `containerd://1.6.12-k3s1` after the scheme is removed). */
export function parseVersion(text: string | undefined): SemanticVersion | undefined {
  return versionFromTag(text?.trim());
}

export function compareVersions(a: SemanticVersion, b: SemanticVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when `lower <= version < upper` (each bound written `1.2.3`; a missing bound is open). */
export function versionInRange(version: SemanticVersion, lower: string | undefined, upper: string | undefined): boolean {
  const lo = lower ? parseVersion(lower) : undefined;
  const hi = upper ? parseVersion(upper) : undefined;
  if (lo && compareVersions(version, lo) < 0) return false;
  if (hi && compareVersions(version, hi) >= 0) return false;
  return true;
}

export function formatVersion(v: SemanticVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}
