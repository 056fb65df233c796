// The configuration files whose content node mode sends: the kubelet's KubeletConfiguration (with its
// --config-dir drop-ins), the API server's encryption provider config (key material removed) and
// audit policy. Everything else on the node is only stat-ed.
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { ConfigDocument } from "../../../lib/engine/types";
import { fsErrorReason, isNotFound, type HostFs } from "./host-fs";

export const REDACTED = "<redacted>";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

export class ConfigParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigParseError";
  }
}

/**
 * Parses YAML (or JSON) with YAML 1.1 rules, as Kubernetes' sigs.k8s.io/yaml does (`yes`/`on` are
 * booleans). Error messages carry the position only: a parser's excerpt of the file could leak content.
 */
export function parseConfigText(text: string): Json {
  let value: unknown;
  try {
    value = parseYaml(text, { version: "1.1" });
  } catch (error) {
    const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new ConfigParseError(`is not valid YAML or JSON${pos ? ` (line ${pos.line}, column ${pos.col})` : ""}`);
  }
  if (value === null || value === undefined) return {};
  if (!isObject(value)) throw new ConfigParseError("is not a YAML/JSON object");
  return value;
}

/** JSON-unmarshal semantics, as the kubelet applies drop-ins: objects merge key by key, lists and scalars replace. */
export function mergeConfig(base: Json, overlay: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    merged[key] = isObject(value) && isObject(merged[key]) ? mergeConfig(merged[key] as Json, value) : value;
  }
  return merged;
}

/** `staticPodURLHeader` may carry credentials for the static pod URL: its values never leave the node. */
export function redactKubeletConfig(config: Json): Json {
  const headers = config.staticPodURLHeader;
  if (isObject(headers)) {
    config.staticPodURLHeader = Object.fromEntries(Object.keys(headers).map((name) => [name, [REDACTED]]));
  }
  return config;
}

/** A file the kubelet uses but node mode cannot see usually sits in a host directory that is not mounted. */
const NOT_MOUNTED_HINT = (error: unknown) =>
  isNotFound(error) ? " (if it exists on the node, mount its directory into node mode: node.extraHostMounts in the Helm chart)" : "";

export interface KubeletConfigResult {
  config?: Json;
  error?: string;
  /** Files read to build the effective config (the --config file, then drop-ins in order). */
  files: string[];
}

/**
 * The effective KubeletConfiguration as written: the --config file, with `*.conf` drop-ins of
 * --config-dir merged in lexical order (the kubelet's own order). No defaults are filled in.
 */
export async function readKubeletConfig(hostFs: HostFs, configPath: string | undefined, configDir: string | undefined): Promise<KubeletConfigResult> {
  const files: string[] = [];
  let config: Json = {};
  if (configPath) {
    try {
      config = parseConfigText(await hostFs.readText(configPath));
      files.push(configPath);
    } catch (error) {
      return { error: `kubelet config file ${configPath} ${error instanceof ConfigParseError ? error.message : `could not be read: ${fsErrorReason(error)}${NOT_MOUNTED_HINT(error)}`}`, files };
    }
  }
  if (configDir) {
    let names: string[];
    try {
      names = (await hostFs.list(configDir)).filter((n) => n.endsWith(".conf"));
    } catch (error) {
      return { error: `kubelet drop-in directory ${configDir} could not be read: ${fsErrorReason(error)}`, files };
    }
    for (const name of names) {
      const file = path.posix.join(configDir, name);
      try {
        config = mergeConfig(config, parseConfigText(await hostFs.readText(file)));
        files.push(file);
      } catch (error) {
        return { error: `kubelet drop-in ${file} ${error instanceof ConfigParseError ? error.message : `could not be read: ${fsErrorReason(error)}`}`, files };
      }
    }
  }
  if (!configPath && !files.length) return { files };
  return { config: redactKubeletConfig(config), files };
}

/**
 * Replaces every `secret` value of an EncryptionConfiguration (aescbc/aesgcm/secretbox keys) with a
 * marker, at any depth, so a future provider type cannot slip key material through either.
 */
export function redactEncryptionConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactEncryptionConfig) as T;
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) out[key] = key.toLowerCase() === "secret" ? REDACTED : redactEncryptionConfig(v);
  return out as T;
}

/** A config document of the API server: parsed content (redacted as given), or why it is missing. */
export async function readConfigDocument(
  hostFs: HostFs,
  hostPath: string,
  what: string,
  redact: (content: Json) => Json = (c) => c,
): Promise<ConfigDocument> {
  let text: string;
  try {
    text = await hostFs.readText(hostPath);
  } catch (error) {
    const reason = isNotFound(error) ? "does not exist on the node's filesystem" : `could not be read: ${fsErrorReason(error)}`;
    return { path: hostPath, error: `the ${what} ${hostPath} ${reason}` };
  }
  try {
    return { path: hostPath, content: redact(parseConfigText(text)) };
  } catch (error) {
    return { path: hostPath, error: `the ${what} ${hostPath} ${(error as Error).message}` };
  }
}
