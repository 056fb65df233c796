// Image reference parsing and registry matching (lib/controls/workload-hygiene/image-reference.ts).
import { describe, expect, it } from "vitest";
import {
  hasMutableTag,
  isValidDigest,
  matchesRegistryPattern,
  parseImageReference,
  versionFromTag,
} from "@/lib/controls/workload-hygiene/image-reference";

const SHA = "a".repeat(64);

describe("parseImageReference", () => {
  it.each([
    ["nginx", "docker.io", "library/nginx", undefined, undefined],
    ["nginx:1.27", "docker.io", "library/nginx", "1.27", undefined],
    ["bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2", undefined],
    ["index.docker.io/library/nginx", "docker.io", "library/nginx", undefined, undefined],
    ["registry-1.docker.io/acme/app:1", "docker.io", "acme/app", "1", undefined],
    ["localhost/app", "localhost", "app", undefined, undefined],
    ["localhost:5000/team/app:2.0", "localhost:5000", "team/app", "2.0", undefined],
    ["registry.example.com:5000/app", "registry.example.com:5000", "app", undefined, undefined],
    ["[::1]:5000/app:3", "[::1]:5000", "app", "3", undefined],
    [`ghcr.io/acme/api:1.2@sha256:${SHA}`, "ghcr.io", "acme/api", "1.2", `sha256:${SHA}`],
    [`nginx@sha256:${SHA}`, "docker.io", "library/nginx", undefined, `sha256:${SHA}`],
    ["123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc:prod", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "svc", "prod", undefined],
  ])("%s", (image, registry, repository, tag, digest) => {
    const ref = parseImageReference(image)!;
    expect(ref.registry).toBe(registry);
    expect(ref.repository).toBe(repository);
    expect(ref.tag).toBe(tag);
    expect(ref.digest).toBe(digest);
    expect(ref.valid).toBe(true);
  });

  it("treats a first component without dot, colon or localhost as a Docker Hub namespace", () => {
    const ref = parseImageReference("internal-registry/nginx:1.25")!;
    expect(ref.registry).toBe("docker.io");
    expect(ref.repository).toBe("internal-registry/nginx");
    expect(ref.writtenName).toBe("internal-registry/nginx");
  });

  it.each(["Nginx:1.0", "nginx:1.0 ", "nginx:bad tag", "nginx@sha256", "debian-azurecr.io/", "ghcr.io//app"])("flags %j as invalid", (image) => {
    expect(parseImageReference(image)!.valid).toBe(false);
  });

  it("returns undefined for a missing image", () => {
    expect(parseImageReference(undefined)).toBeUndefined();
    expect(parseImageReference("  ")).toBeUndefined();
  });
});

describe("isValidDigest", () => {
  it("requires the registered encodings for sha256, sha512 and blake3", () => {
    expect(isValidDigest(`sha256:${SHA}`)).toBe(true);
    expect(isValidDigest(`sha256:${"A".repeat(64)}`)).toBe(false);
    expect(isValidDigest("sha256:abc")).toBe(false);
    expect(isValidDigest(`sha512:${"a".repeat(128)}`)).toBe(true);
    expect(isValidDigest(`blake3:${"a".repeat(63)}`)).toBe(false);
  });

  it("accepts unregistered algorithms that follow the grammar", () => {
    expect(isValidDigest("custom-algorithm:a")).toBe(true);
    expect(isValidDigest("Custom:a")).toBe(false);
  });
});

describe("matchesRegistryPattern", () => {
  const m = (image: string, pattern: string) => matchesRegistryPattern(parseImageReference(image)!, pattern);

  it("matches registry hosts and their subdomains, not look-alikes", () => {
    expect(m("123.dkr.ecr.us-east-1.amazonaws.com/app:1", "amazonaws.com")).toBe(true);
    expect(m("eu.gcr.io/p/app", "gcr.io")).toBe(true);
    expect(m("evilgcr.io/p/app", "gcr.io")).toBe(false);
    expect(m("gcr.io.evil.com/p/app", "gcr.io")).toBe(false);
  });

  it("requires the port to match exactly", () => {
    expect(m("gcr.io:5000/p/app", "gcr.io")).toBe(false);
    expect(m("registry.local:5000/app", "registry.local:5000")).toBe(true);
    expect(m("registry.local/app", "registry.local:5000")).toBe(false);
  });

  it("understands Docker Hub's implicit registry and aliases", () => {
    expect(m("nginx", "docker.io")).toBe(true);
    expect(m("nginx", "index.docker.io")).toBe(true);
    expect(m("nginx", "docker.io/library")).toBe(true);
    expect(m("acme/app", "acme")).toBe(true);
    expect(m("quay.io/acme/app", "docker.io")).toBe(false);
  });

  it("matches repository prefixes on path boundaries", () => {
    expect(m("ghcr.io/acme/api:1", "ghcr.io/acme")).toBe(true);
    expect(m("ghcr.io/acme-evil/api:1", "ghcr.io/acme")).toBe(false);
    expect(m("internal-registry-attacker/app", "internal-registry")).toBe(false);
    expect(m("ghcr.io/acme/api", "https://ghcr.io/acme/")).toBe(true);
  });
});

describe("hasMutableTag and versionFromTag", () => {
  it("treats a missing tag and latest as mutable unless a valid digest pins the image", () => {
    expect(hasMutableTag(parseImageReference("nginx")!, [])).toBe(true);
    expect(hasMutableTag(parseImageReference("nginx:LATEST")!, [])).toBe(true);
    expect(hasMutableTag(parseImageReference("nginx:1.27")!, [])).toBe(false);
    expect(hasMutableTag(parseImageReference("nginx:stable")!, ["stable"])).toBe(true);
    expect(hasMutableTag(parseImageReference(`nginx:latest@sha256:${SHA}`)!, [])).toBe(false);
    expect(hasMutableTag(parseImageReference("nginx:latest@sha256:abc")!, [])).toBe(true);
  });

  it("reads release versions from tags", () => {
    expect(versionFromTag("v1.9.4")).toEqual({ major: 1, minor: 9, patch: 4 });
    expect(versionFromTag("9.2.3-ubuntu")).toEqual({ major: 9, minor: 2, patch: 3 });
    expect(versionFromTag("1.25")).toEqual({ major: 1, minor: 25, patch: 0 });
    expect(versionFromTag("latest")).toBeUndefined();
    expect(versionFromTag("sha-1a2b3c")).toBeUndefined();
  });
});
