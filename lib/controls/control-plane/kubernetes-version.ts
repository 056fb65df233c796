// Kubernetes version strings as they appear in the wild: `v1.32.11-rke2r1` (image tags),
// `v1.29.6-eks-1de2ab1` (kubeletVersion), `1.31` (settings), `v1.30.2+k3s1`.

export interface KubernetesVersion {
  major: number;
  minor: number;
  patch?: number;
  raw: string;
}

const VERSION_PATTERN = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+._].*)?$/;

/** Parses `v1.32.11-rke2r1`, `1.31`, …; undefined for anything that is not a Kubernetes version. */
export function parseKubernetesVersion(text: unknown): KubernetesVersion | undefined {
  if (typeof text !== "string") return undefined;
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  // Tags such as `3.5.1-0` (etcd) or `20.04` are not Kubernetes releases.
  if (major !== 1) return undefined;
  return { major, minor, patch: match[3] === undefined ? undefined : Number(match[3]), raw: text.trim() };
}

/** Compares major.minor only (the unit Kubernetes supports and deprecates by). */
export function compareMinor(a: Pick<KubernetesVersion, "major" | "minor">, b: Pick<KubernetesVersion, "major" | "minor">): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** True when the version is at least `major.minor`. */
export function atLeast(version: KubernetesVersion | undefined, major: number, minor: number): boolean {
  return !!version && compareMinor(version, { major, minor }) >= 0;
}
