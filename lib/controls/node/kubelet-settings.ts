// The kubelet's effective value of a setting, the way the kubelet computes it: a command-line flag
// wins over the config file, and an unset setting takes a default that depends on whether a config
// file is used at all (the KubeletConfiguration defaults, or the older command-line defaults).
import type { FixPath, NodeInfo, Violation } from "../../engine/types";

export type SettingSource = "flag" | "config" | "default";

export type KubeletSetting<T> =
  | { known: true; value: T; source: SettingSource; /** NodeInfo path of the flag or config field. */ path?: string }
  | { known: false; reason: string; path?: string };

export interface KubeletSettingSpec<T> {
  /** Command-line flag name, without dashes. */
  flag?: string;
  /** Field path in KubeletConfiguration, e.g. ["authentication", "anonymous", "enabled"]. */
  config?: readonly string[];
  /** Converts a flag string or a config value; undefined = not a valid value. */
  parse: (raw: unknown) => T | undefined;
  /** Default when a config file is used (KubeletConfiguration v1beta1 defaulting). */
  defaultWithConfig: T;
  /** Default when the kubelet runs without a config file; same as defaultWithConfig unless given. */
  defaultWithoutConfig?: T;
}

/** True when the node reported anything about its kubelet. */
export function hasKubeletFacts(node: NodeInfo): boolean {
  const s = node.spec ?? {};
  return s.kubeletFlags !== undefined || s.kubeletConfig !== undefined || s.kubeletConfigError !== undefined;
}

/** Whether the kubelet reads a config file, and if so whether we could read it. */
export function kubeletConfigState(node: NodeInfo): "none" | "readable" | "unreadable" {
  const s = node.spec ?? {};
  if (s.kubeletConfig && typeof s.kubeletConfig === "object") return "readable";
  if (s.kubeletConfigError || s.kubeletFlags?.config) return "unreadable";
  return "none";
}

function configValue(config: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = config;
  for (const key of path) {
    if (!current || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Why the kubelet config file in use could not be read, in plain words. */
export function unreadableReason(node: NodeInfo): string {
  return node.spec.kubeletConfigError ?? `kubelet config file ${node.spec.kubeletFlags?.config ?? ""} was not collected`.trim();
}

/** The effective setting, or null when the node has no kubelet facts at all (nothing to judge). */
export function resolveKubeletSetting<T>(node: NodeInfo, spec: KubeletSettingSpec<T>): KubeletSetting<T> | null {
  if (!hasKubeletFacts(node)) return null;
  const flags = node.spec.kubeletFlags ?? {};
  if (spec.flag && flags[spec.flag] !== undefined) {
    const path = `spec.kubeletFlags.${spec.flag}`;
    const value = spec.parse(flags[spec.flag]);
    if (value === undefined) return { known: false, reason: `--${spec.flag}=${flags[spec.flag]} is not a valid value`, path };
    return { known: true, value, source: "flag", path };
  }
  const state = kubeletConfigState(node);
  if (state === "readable" && spec.config) {
    const raw = configValue(node.spec.kubeletConfig!, spec.config);
    if (raw !== undefined && raw !== null) {
      const path = `spec.kubeletConfig.${spec.config.join(".")}`;
      const value = spec.parse(raw);
      if (value === undefined) return { known: false, reason: `${spec.config.join(".")}: ${JSON.stringify(raw)} is not a valid value`, path };
      return { known: true, value, source: "config", path };
    }
  }
  if (state === "unreadable" && spec.config) {
    return { known: false, reason: `${unreadableReason(node)}, so the setting cannot be verified` };
  }
  const value = state === "none" && "defaultWithoutConfig" in spec ? (spec.defaultWithoutConfig as T) : spec.defaultWithConfig;
  return { known: true, value, source: "default" };
}

/** The violation for a setting that could not be determined. */
export function unverifiable(setting: { reason: string; path?: string }, what: string): Violation {
  return { message: `${what} cannot be verified: ${setting.reason}`, paths: setting.path ? [setting.path] : undefined };
}

/** Where to point a finding: the flag or config field that set the value, or where to set it. */
export function settingPaths(setting: KubeletSetting<unknown>, spec: Pick<KubeletSettingSpec<unknown>, "config" | "flag">): string[] {
  if (setting.path) return [setting.path];
  if (spec.config) return [`spec.kubeletConfig.${spec.config.join(".")}`];
  return spec.flag ? [`spec.kubeletFlags.${spec.flag}`] : [];
}

// Value parsers, following Go's strconv/time semantics that the kubelet uses.

export function parseBool(raw: unknown): boolean | undefined {
  if (typeof raw === "boolean") return raw;
  if (typeof raw !== "string") return undefined;
  const v = raw.trim();
  if (["1", "t", "T", "true", "TRUE", "True"].includes(v)) return true;
  if (["0", "f", "F", "false", "FALSE", "False"].includes(v)) return false;
  return undefined;
}

export function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  if (typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
  return undefined;
}

export function parseText(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return undefined;
}

/** A list: comma-separated on the command line, a YAML list in the config file. */
export function parseList(raw: unknown): string[] | undefined {
  if (Array.isArray(raw)) return raw.map((v) => String(v).trim()).filter(Boolean);
  if (typeof raw === "string") return raw.split(",").map((v) => v.trim()).filter(Boolean);
  return undefined;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration ("4h0m0s", "5m", "0") in milliseconds. A bare number is taken as 0 only when it is 0. */
export function parseDurationMs(raw: unknown): number | undefined {
  if (typeof raw === "number") return raw === 0 ? 0 : undefined;
  if (typeof raw !== "string") return undefined;
  const text = raw.trim();
  if (text === "0") return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join("") !== text.replace(/^[+-]/, "")) return undefined;
  const total = parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0);
  return text.startsWith("-") ? -total : total;
}

/** Feature gates: the config file's `featureGates` map, overridden gate by gate by `--feature-gates`. */
export function kubeletFeatureGate(node: NodeInfo, gate: string): { value: boolean; path: string } | undefined {
  const flag = node.spec.kubeletFlags?.["feature-gates"];
  if (flag) {
    for (const pair of flag.split(",")) {
      const [name, value] = pair.split("=").map((s) => s.trim());
      const parsed = parseBool(value);
      if (name === gate && parsed !== undefined) return { value: parsed, path: "spec.kubeletFlags.feature-gates" };
    }
  }
  const gates = node.spec.kubeletConfig?.featureGates;
  if (gates && typeof gates === "object" && gate in gates) {
    const parsed = parseBool((gates as Record<string, unknown>)[gate]);
    if (parsed !== undefined) return { value: parsed, path: `spec.kubeletConfig.featureGates.${gate}` };
  }
  return undefined;
}

/**
 * The common shape of a kubelet setting control: resolve the effective value, fail when it cannot be
 * known, and fail with `problem(value)`'s message when that returns one.
 */
export function judgeKubeletSetting<T>(
  node: NodeInfo,
  spec: KubeletSettingSpec<T>,
  check: {
    /** What the setting is, for the "cannot be verified" message. */
    what: string;
    /** A message when the value is unsafe, undefined when it is fine. */
    problem: (value: T, source: SettingSource) => string | undefined;
    fixPaths?: FixPath[];
  },
): Violation[] | null {
  const setting = resolveKubeletSetting(node, spec);
  if (!setting) return null;
  if (!setting.known) return [unverifiable(setting, check.what)];
  const message = check.problem(setting.value, setting.source);
  if (!message) return [];
  return [{ message, paths: settingPaths(setting, spec), ...(check.fixPaths ? { fixPaths: check.fixPaths } : {}) }];
}

/** How a value came to be, for messages: "set by --flag", "set in the config file", "the default". */
export function describeSource(source: SettingSource, spec: Pick<KubeletSettingSpec<unknown>, "flag" | "config">): string {
  if (source === "flag") return `set by --${spec.flag}`;
  if (source === "config") return `set by ${spec.config?.join(".")} in the config file`;
  return "the kubelet default";
}
