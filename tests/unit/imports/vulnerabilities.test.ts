// Trivy and Grype import on the real samples of ../shared/corpus/vuln-reports (expected values read
// from the files by hand), and malformed or foreign input.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/imports/import-error";
import { digestOf, importVulnerabilityReports, type ImageVulnerabilityReport } from "@/lib/imports/vulnerabilities";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus/vuln-reports");
const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), "utf8");
const one = (name: string): ImageVulnerabilityReport => {
  const { reports } = importVulnerabilityReports(read(name));
  expect(reports).toHaveLength(1);
  return reports[0];
};

function expectImportError(fn: () => unknown, code: string, message: RegExp): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).message).toMatch(message);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

describe("Trivy image reports", () => {
  it("alpine-310: four medium entries (two CVEs in libcrypto1.1 and libssl1.1), image named by its RepoTags", () => {
    const r = one("trivy/alpine-310.json.golden");
    expect(r.scanner).toEqual({ name: "trivy", version: "dev" });
    expect(r.scannedAt).toBe("2021-08-25T12:20:30.000Z");
    expect(r.os).toEqual({ family: "alpine", version: "3.10.2" });
    // ArtifactName is the test archive path; the registry name comes from Metadata.RepoTags.
    expect(r.image).toEqual({
      reference: "ghcr.io/aquasecurity/trivy-test-images:alpine-310",
      repository: "ghcr.io/aquasecurity/trivy-test-images",
      tag: "alpine-310",
      names: ["ghcr.io/aquasecurity/trivy-test-images:alpine-310"],
      // No RepoDigests in the file: only the config digest (Metadata.ImageID) identifies the content.
      digests: ["sha256:961769676411f082461f9ef46626dd7a2d1e2b2a38e6a44364bcbecf51e66dd4"],
    });
    expect(r.vulnerabilities.map((v) => `${v.id} ${v.package} ${v.severity}`)).toEqual([
      "CVE-2019-1549 libcrypto1.1 medium",
      "CVE-2019-1549 libssl1.1 medium",
      "CVE-2019-1551 libcrypto1.1 medium",
      "CVE-2019-1551 libssl1.1 medium",
    ]);
    const first = r.vulnerabilities[0];
    expect(first).toMatchObject({
      installedVersion: "1.1.1c-r0",
      fixedVersion: "1.1.1d-r0",
      packageType: "alpine",
      title: "openssl: information disclosure in fork()",
      cvss: { score: 5.3, version: "3.1", source: "nvd", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N" },
    });
    expect(first.urls?.[0]).toBe("https://avd.aquasec.com/nvd/cve-2019-1549");
    expect(first.urls!.length).toBeLessThanOrEqual(20);
  });

  it("alpine-39: CVE-2019-14697 is critical in musl and musl-utils, fixed in 1.1.20-r5", () => {
    const r = one("trivy/alpine-39-high-critical.json.golden");
    expect(r.vulnerabilities).toHaveLength(2);
    for (const v of r.vulnerabilities) {
      expect(v).toMatchObject({ id: "CVE-2019-14697", severity: "critical", installedVersion: "1.1.20-r4", fixedVersion: "1.1.20-r5", cvss: { score: 9.8, version: "3.0" } });
    }
    expect(r.vulnerabilities.map((v) => v.package)).toEqual(["musl", "musl-utils"]);
  });

  it("debian-buster: vendor ids become aliases; an unfixed low bash CVE keeps the NVD score when its severity source has none", () => {
    const r = one("trivy/debian-buster.json.golden");
    const [idn, bash] = r.vulnerabilities;
    expect(idn).toMatchObject({ id: "CVE-2019-18224", aliases: ["DSA-4613-1"], severity: "critical", package: "libidn2-0", fixedVersion: "2.0.5-1+deb10u1" });
    expect(bash).toMatchObject({ id: "CVE-2019-18276", severity: "low", package: "bash", installedVersion: "5.0-4", cvss: { score: 7.8, source: "nvd" } });
    expect(bash.fixedVersion).toBeUndefined();
  });

  it("refuses repository scans and non-report JSON with a clear reason", () => {
    expectImportError(() => importVulnerabilityReports(read("trivy/npm.json.golden")), "unsupported_target", /scanned a repository .*not a container image/);
    expectImportError(() => importVulnerabilityReports(read("trivy/helm.json.golden")), "unsupported_target", /repository/);
    expectImportError(() => importVulnerabilityReports(read("trivy/k8s-summary-ids.json.golden")), "wrong_format", /expected Trivy JSON .*or Grype JSON/);
  });
});

describe("Grype image reports", () => {
  it("explain-keycloak: six rpm packages share one won't-fix CVE; the pinned digest and the other digests are kept", () => {
    const r = one("grype/explain-keycloak-test.json");
    expect(r.scanner).toEqual({ name: "grype", version: "0.66.0" });
    expect(r.scannedAt).toBe("2023-09-01T12:13:42.201Z");
    expect(r.image).toEqual({
      reference: "docker.io/keycloak/keycloak:21.0.2@sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50",
      repository: "docker.io/keycloak/keycloak",
      tag: "21.0.2",
      digest: "sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50",
      names: ["docker.io/keycloak/keycloak:21.0.2"],
      digests: [
        "sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50",
        "sha256:d1630d3eb8285a978301bcefc5b223e564ae300750af2fc9ea3f413c5376a47e",
        "sha256:8cf8fd2be2ded92962d52adff75ad06a4c30f69c66facbdf223364c6c9e33b8c",
      ],
    });
    expect(r.vulnerabilities.map((v) => v.package)).toEqual(["nspr", "nss", "nss-softokn", "nss-softokn-freebl", "nss-sysinit", "nss-util"]);
    for (const v of r.vulnerabilities) {
      expect(v).toMatchObject({ id: "CVE-2020-12413", severity: "low", packageType: "rpm", cvss: { score: 5.9, version: "3.1" } });
      expect(v.fixedVersion).toBeUndefined();
    }
  });

  it("explain-chainguard-ruby: the GHSA and the CVE matched on the uri gem are one vulnerability; ruby-3.0 is another package", () => {
    const r = one("grype/explain-chainguard-ruby-test.json");
    expect(r.image).toMatchObject({
      reference: "cgr.dev/chainguard/ruby:latest-3.0",
      repository: "cgr.dev/chainguard/ruby",
      tag: "latest-3.0",
      digest: "sha256:3c9afb4f188827ea1062ec3b8acea32893236a0d7df31e0498df93486cff0978",
    });
    expect(r.scannedAt).toBe("2023-05-18T01:00:56.783Z");
    expect(r.vulnerabilities).toHaveLength(2);
    const uri = r.vulnerabilities.find((v) => v.package === "uri")!;
    expect(uri).toMatchObject({ id: "CVE-2023-28755", aliases: ["GHSA-hv5j-3h9f-99c2"], severity: "high", installedVersion: "0.10.1", fixedVersion: "0.10.2", packageType: "gem" });
    const ruby = r.vulnerabilities.find((v) => v.package === "ruby-3.0")!;
    expect(ruby).toMatchObject({ id: "CVE-2023-28755", severity: "high", fixedVersion: "3.0.6-r0", packageType: "apk" });
  });

  it("explain-ghsa: an image given by digest only has no tag and no name to match by tag", () => {
    const r = one("grype/explain-ghsa-test.json");
    expect(r.image).toMatchObject({
      reference: "anchore/test_images@sha256:10008791acbc5866de04108746a02a0c4029ce3a4400a9b3dad45d7f2245f9da",
      repository: "docker.io/anchore/test_images",
      digest: "sha256:10008791acbc5866de04108746a02a0c4029ce3a4400a9b3dad45d7f2245f9da",
      names: [],
    });
    expect(r.image.tag).toBeUndefined();
    expect(r.vulnerabilities).toEqual([
      expect.objectContaining({ id: "CVE-2014-3577", aliases: ["GHSA-cfh5-3ghh-wfjx"], severity: "medium", package: "httpclient", fixedVersion: "4.3.5", cvss: expect.objectContaining({ score: 5.8, version: "2.0" }) }),
    ]);
  });

  it("golden image presenter: Docker Hub defaults, fix versions, no scanner version", () => {
    const r = one("grype/TestJsonImgsPresenter.golden.json");
    expect(r.scanner).toEqual({ name: "grype", version: null });
    expect(r.scannedAt).toBeNull();
    expect(r.image).toMatchObject({ repository: "docker.io/library/user-input", tag: "latest", names: ["docker.io/library/user-input:latest"] });
    expect(r.vulnerabilities.map((v) => [v.id, v.severity, v.fixedVersion])).toEqual([
      ["CVE-1999-0002", "critical", undefined],
      ["CVE-1999-0001", "low", "1.2.1, 2.1.3, 3.4.0"],
    ]);
  });

  it("reads Grype source schemes without mistaking a registry host named \"registry\" for one", () => {
    const doc = (userInput: string) => ({ matches: [], source: { type: "image", target: { userInput, tags: [], repoDigests: [] } }, descriptor: { name: "grype", version: "0.80.0" } });
    const [scheme, host] = importVulnerabilityReports([doc("docker:nginx:1.27"), doc("registry:5000/team/app:1.0")]).reports;
    expect(scheme.image).toMatchObject({ reference: "nginx:1.27", repository: "docker.io/library/nginx", tag: "1.27" });
    expect(host.image).toMatchObject({ reference: "registry:5000/team/app:1.0", repository: "registry:5000/team/app", tag: "1.0" });
    expectImportError(() => importVulnerabilityReports(doc("docker-archive:./image.tar")), "unsupported_target", /does not name the image/);
  });

  it("refuses directory and unknown-source reports", () => {
    expectImportError(() => importVulnerabilityReports(read("grype/TestJsonDirsPresenter.golden.json")), "unsupported_target", /scanned a directory/);
    expectImportError(() => importVulnerabilityReports(read("grype/TestEmptyJsonPresenter.golden.json")), "unsupported_target", /unknown type/);
  });
});

describe("vulnerability import: several documents and bad input", () => {
  it("reads a JSON array of reports (Kubescape writes several Grype documents that way)", () => {
    const text = `[${read("grype/explain-ghsa-test.json")},${read("trivy/alpine-39-high-critical.json.golden")}]`;
    const { reports } = importVulnerabilityReports(text);
    expect(reports.map((r) => r.scanner.name)).toEqual(["grype", "trivy"]);
  });

  it("names the field at fault", () => {
    const doc = JSON.parse(read("trivy/alpine-310.json.golden"));
    doc.Results[0].Vulnerabilities[1].PkgName = 7;
    const error = expectImportError(() => importVulnerabilityReports(doc), "invalid_report", /Results\[0\]\.Vulnerabilities\[1\]\.PkgName: expected string, found number 7/);
    expect(error.issues[0].path).toBe("Results[0].Vulnerabilities[1].PkgName");
    const grype = JSON.parse(read("grype/explain-ghsa-test.json"));
    delete grype.matches[0].artifact.version;
    expectImportError(() => importVulnerabilityReports(grype), "invalid_report", /matches\[0\]\.artifact\.version: expected string, but the field is missing/);
  });

  it("refuses an old Trivy schema, Kubescape results, truncated and oversized files", () => {
    const old = JSON.parse(read("trivy/alpine-310.json.golden"));
    old.SchemaVersion = 1;
    expectImportError(() => importVulnerabilityReports(old), "wrong_format", /SchemaVersion 1 is not supported/);
    const kubescape = fs.readFileSync(path.resolve(CORPUS, "../kubescape-output/defectdojo/results.json"), "utf8");
    expectImportError(() => importVulnerabilityReports(kubescape), "wrong_format", /Kubescape scan results.*import kubescape/);
    const text = read("trivy/alpine-310.json.golden");
    expectImportError(() => importVulnerabilityReports(text.slice(0, text.length / 2)), "invalid_json", /cut short/);
    expectImportError(() => importVulnerabilityReports(text, { maxBytes: 1024 }), "too_large", /limited/);
    expectImportError(() => importVulnerabilityReports("[]"), "invalid_report", /empty list/);
  });

  it("reads digests from runtime image ids", () => {
    const d = "sha256:961769676411f082461f9ef46626dd7a2d1e2b2a38e6a44364bcbecf51e66dd4";
    expect(digestOf(`docker-pullable://nginx@${d}`)).toBe(d);
    expect(digestOf(`docker.io/library/nginx@${d}`)).toBe(d);
    expect(digestOf(`docker://${d}`)).toBe(d);
    expect(digestOf(d)).toBe(d);
    expect(digestOf("nginx:1.27")).toBeUndefined();
    expect(digestOf("sha256:short")).toBeUndefined();
  });
});
