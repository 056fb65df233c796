// Which kubelet versions CVE-2021-25741 affects, including distribution-suffixed versions.
import { describe, expect, it } from "vitest";
import { isVulnerableKubelet, parseKubeletVersion } from "@/lib/controls/workload-security/ss-0058-cve-2021-25741-subpath-symlink";

describe("CVE-2021-25741 kubelet versions", () => {
  it.each([
    ["v1.9.11", true],
    ["v1.18.20", true],
    ["v1.19.14", true],
    ["v1.19.15", false],
    ["v1.20.10", true],
    ["v1.20.11", false],
    ["v1.21.4-eks-ea7b8b", true],
    ["v1.21.5+k3s1", false],
    ["v1.22.1", true],
    ["v1.22.2", false],
    ["v1.23.0", false],
    ["v1.100.0", false],
  ])("%s vulnerable: %s", (version, vulnerable) => {
    expect(isVulnerableKubelet(version)).toBe(vulnerable);
  });

  it("does not guess on unparseable versions", () => {
    expect(parseKubeletVersion("latest")).toBeUndefined();
    expect(isVulnerableKubelet("latest")).toBe(false);
    expect(isVulnerableKubelet(undefined)).toBe(false);
  });
});
