// The kubelet's own precedence and defaulting rules, as the node controls resolve them.
import { describe, expect, it } from "vitest";
import {
  kubeletFeatureGate,
  parseBool,
  parseDurationMs,
  parseList,
  resolveKubeletSetting,
} from "@/lib/controls/node/kubelet-settings";
import { ANONYMOUS_AUTH, READ_ONLY_PORT, STREAMING_IDLE_TIMEOUT_MS } from "@/lib/controls/node/kubelet-setting-specs";
import type { NodeInfo, NodeInfoSpec } from "@/lib/engine/types";

function node(spec: Omit<NodeInfoSpec, "nodeName">): NodeInfo {
  return { apiVersion: "shipshape.dev/v1alpha1", kind: "NodeInfo", metadata: { name: "n1" }, spec: { nodeName: "n1", ...spec } };
}

describe("resolveKubeletSetting", () => {
  it("takes the flag over the config file", () => {
    const n = node({ kubeletFlags: { config: "/c", "anonymous-auth": "true" }, kubeletConfig: { authentication: { anonymous: { enabled: false } } } });
    expect(resolveKubeletSetting(n, ANONYMOUS_AUTH)).toEqual({ known: true, value: true, source: "flag", path: "spec.kubeletFlags.anonymous-auth" });
  });

  it("takes the config file when no flag is given", () => {
    const n = node({ kubeletFlags: { config: "/c" }, kubeletConfig: { readOnlyPort: 10255 } });
    expect(resolveKubeletSetting(n, READ_ONLY_PORT)).toEqual({ known: true, value: 10255, source: "config", path: "spec.kubeletConfig.readOnlyPort" });
  });

  it("uses the KubeletConfiguration defaults when a config file is used, the command-line defaults otherwise", () => {
    const withConfig = node({ kubeletFlags: { config: "/c" }, kubeletConfig: {} });
    const withoutConfig = node({ kubeletFlags: { kubeconfig: "/k" } });
    expect(resolveKubeletSetting(withConfig, ANONYMOUS_AUTH)).toMatchObject({ value: false, source: "default" });
    expect(resolveKubeletSetting(withoutConfig, ANONYMOUS_AUTH)).toMatchObject({ value: true, source: "default" });
    expect(resolveKubeletSetting(withConfig, READ_ONLY_PORT)).toMatchObject({ value: 0 });
    expect(resolveKubeletSetting(withoutConfig, READ_ONLY_PORT)).toMatchObject({ value: 10255 });
  });

  it("reports a setting as unknown when the config file in use could not be read and no flag decides", () => {
    const n = node({ kubeletFlags: { config: "/c" }, kubeletConfigError: "kubelet config file /c could not be read on the node" });
    expect(resolveKubeletSetting(n, ANONYMOUS_AUTH)).toEqual({
      known: false,
      reason: "kubelet config file /c could not be read on the node, so the setting cannot be verified",
    });
  });

  it("returns null for a node without kubelet facts", () => {
    expect(resolveKubeletSetting(node({ cni: { names: ["Calico"] } }), ANONYMOUS_AUTH)).toBeNull();
  });

  it("reports an invalid value as unknown rather than guessing", () => {
    const n = node({ kubeletFlags: { "anonymous-auth": "maybe" } });
    expect(resolveKubeletSetting(n, ANONYMOUS_AUTH)).toMatchObject({ known: false, path: "spec.kubeletFlags.anonymous-auth" });
  });

  it("parses durations from flags and config files", () => {
    const n = node({ kubeletFlags: { config: "/c" }, kubeletConfig: { streamingConnectionIdleTimeout: "4h0m0s" } });
    expect(resolveKubeletSetting(n, STREAMING_IDLE_TIMEOUT_MS)).toMatchObject({ value: 4 * 3_600_000 });
  });
});

describe("value parsers", () => {
  it("parses booleans like Go's strconv.ParseBool", () => {
    expect([parseBool("true"), parseBool("1"), parseBool("F"), parseBool(false), parseBool("yes")]).toEqual([true, true, false, false, undefined]);
  });

  it("parses Go durations", () => {
    expect(parseDurationMs("0")).toBe(0);
    expect(parseDurationMs("0s")).toBe(0);
    expect(parseDurationMs("5m")).toBe(300_000);
    expect(parseDurationMs("1h30m")).toBe(5_400_000);
    expect(parseDurationMs("1.5s")).toBe(1500);
    expect(parseDurationMs(0)).toBe(0);
    expect(parseDurationMs("5 minutes")).toBeUndefined();
  });

  it("parses lists from flags and YAML", () => {
    expect(parseList("A, B,,C")).toEqual(["A", "B", "C"]);
    expect(parseList(["A", "B"])).toEqual(["A", "B"]);
  });
});

describe("kubeletFeatureGate", () => {
  it("lets --feature-gates override the config file gate by gate", () => {
    const n = node({
      kubeletFlags: { "feature-gates": "A=true,RotateKubeletServerCertificate=false" },
      kubeletConfig: { featureGates: { RotateKubeletServerCertificate: true, B: false } },
    });
    expect(kubeletFeatureGate(n, "RotateKubeletServerCertificate")).toEqual({ value: false, path: "spec.kubeletFlags.feature-gates" });
    expect(kubeletFeatureGate(n, "B")).toEqual({ value: false, path: "spec.kubeletConfig.featureGates.B" });
    expect(kubeletFeatureGate(n, "C")).toBeUndefined();
  });
});
