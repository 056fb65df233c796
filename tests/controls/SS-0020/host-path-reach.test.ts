// A hostPath reaches a credential location when it is the location, a parent of it, or inside it.
import { describe, expect, it } from "vitest";
import { hostPathReaches, normalizeHostPath } from "@/lib/controls/workload-security/host-volumes";

describe("host path comparison", () => {
  it("normalizes slashes, dots and trailing separators", () => {
    expect(normalizeHostPath("/run/containerd//containerd.sock/")).toBe("/run/containerd/containerd.sock");
    expect(normalizeHostPath("/etc/./kubernetes/../kubernetes/azure.json")).toBe("/etc/kubernetes/azure.json");
    expect(normalizeHostPath("/")).toBe("/");
  });

  it.each([
    ["/etc/kubernetes/azure.json", "/etc/kubernetes/azure.json", true],
    ["/etc", "/etc/kubernetes/azure.json", true],
    ["/", "/etc/kubernetes/azure.json", true],
    ["/etc/ssl/certs", "/etc/kubernetes/azure.json", false],
    ["/etc/kubernetes-backup", "/etc/kubernetes", false],
    ["/home/ec2-user/.aws/credentials", "/home/*/.aws", true],
    ["/home", "/home/*/.aws", true],
    ["/home/ec2-user/.ssh", "/home/*/.aws", false],
  ])("%s reaches %s: %s", (hostPath, location, reaches) => {
    expect(hostPathReaches(hostPath, location)).toBe(reaches);
  });
});
