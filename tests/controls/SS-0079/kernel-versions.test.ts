// Which kernel releases carry the CVE-2022-0185 fix (upstream stable releases and known distribution builds).
import { describe, expect, it } from "vitest";
import { cve20220185Verdict } from "@/lib/controls/node/ss-0079-cve-2022-0185-kernel";
import { isCve20223172Affected } from "@/lib/controls/node/ss-0089-cve-2022-3172-aggregated-api-redirect";

describe("cve20220185Verdict", () => {
  it("follows the upstream fix releases of each stable line", () => {
    expect(cve20220185Verdict("5.4.172")).toBe("vulnerable");
    expect(cve20220185Verdict("5.4.173")).toBe("fixed");
    expect(cve20220185Verdict("5.10.92-81.1.amzn2.x86_64")).toBe("vulnerable");
    expect(cve20220185Verdict("5.10.93-87.444.amzn2.x86_64")).toBe("fixed");
    expect(cve20220185Verdict("5.15.15")).toBe("vulnerable");
    expect(cve20220185Verdict("5.16.2")).toBe("fixed");
    // Lines that reached end of life before the fix never got one.
    expect(cve20220185Verdict("5.13.19")).toBe("vulnerable");
  });

  it("treats kernels outside 5.1–5.16 as not affected", () => {
    expect(cve20220185Verdict("4.19.260")).toBe("fixed");
    expect(cve20220185Verdict("5.0.21")).toBe("fixed");
    expect(cve20220185Verdict("6.8.0-1015-aws")).toBe("fixed");
  });

  it("judges Ubuntu builds by their ABI number, and only where it is known", () => {
    expect(cve20220185Verdict("5.4.0-1059-azure")).toBe("vulnerable");
    expect(cve20220185Verdict("5.4.0-1067-azure")).toBe("fixed");
    expect(cve20220185Verdict("5.4.0-95-generic")).toBe("vulnerable");
    expect(cve20220185Verdict("5.4.0-150-generic")).toBe("fixed");
    expect(cve20220185Verdict("5.15.0-56-generic")).toBe("fixed");
    expect(cve20220185Verdict("5.13.0-39-generic")).toBe("unknown");
    expect(cve20220185Verdict("5.4.0-1100-aws")).toBe("unknown");
  });

  it("does not guess on unreadable releases", () => {
    expect(cve20220185Verdict("unknown")).toBe("unknown");
  });
});

describe("isCve20223172Affected", () => {
  it("matches the affected kube-apiserver ranges", () => {
    expect(isCve20223172Affected("v1.21.14")).toBe(true);
    expect(isCve20223172Affected("v1.22.13")).toBe(true);
    expect(isCve20223172Affected("v1.22.14")).toBe(false);
    expect(isCve20223172Affected("v1.23.10-eks-48e63af")).toBe(true);
    expect(isCve20223172Affected("v1.24.5")).toBe(false);
    expect(isCve20223172Affected("1.25.0")).toBe(true);
    expect(isCve20223172Affected("v1.25.1")).toBe(false);
    expect(isCve20223172Affected("v1.30.2")).toBe(false);
    expect(isCve20223172Affected("latest")).toBeUndefined();
  });
});
