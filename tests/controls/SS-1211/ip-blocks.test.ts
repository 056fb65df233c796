// CIDR matching behind the metadata-endpoint and egress controls (SS-1211, SS-1210, SS-0301).
import { describe, expect, it } from "vitest";
import { cidrContains, ipBlockAdmits, isUniversalCidr, parseCidr } from "@/lib/controls/network/ip-blocks";

describe("ip blocks", () => {
  it("recognizes whole-family blocks in both families", () => {
    expect(isUniversalCidr("0.0.0.0/0")).toBe(true);
    expect(isUniversalCidr("::/0")).toBe(true);
    expect(isUniversalCidr("0.0.0.0/1")).toBe(false);
    expect(isUniversalCidr("not-a-cidr")).toBe(false);
  });

  it("matches addresses inside a block and honours except lists", () => {
    expect(cidrContains("169.254.0.0/16", "169.254.169.254")).toBe(true);
    expect(cidrContains("10.0.0.0/8", "169.254.169.254")).toBe(false);
    expect(ipBlockAdmits({ cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] }, "169.254.169.254")).toBe(true);
    expect(ipBlockAdmits({ cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] }, "169.254.169.254")).toBe(false);
  });

  it("parses compressed and IPv4-mapped IPv6 and never mixes families", () => {
    expect(cidrContains("fd00::/8", "fd00:ec2::254")).toBe(true);
    expect(parseCidr("::ffff:10.0.0.1/128")?.family).toBe(6);
    expect(cidrContains("::/0", "169.254.169.254")).toBe(false);
  });

  it("rejects malformed blocks instead of guessing", () => {
    expect(parseCidr("300.1.1.1/8")).toBeUndefined();
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
    expect(parseCidr("1::2::3/64")).toBeUndefined();
    expect(parseCidr(42)).toBeUndefined();
  });
});
