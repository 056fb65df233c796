import { gunzipSync, gzipSync } from "node:zlib";
import { manifestDigestOf } from "@/lib/snapshot/protocol";

/** A manifest entry: [object key, content hash]. */
export type ManifestEntry = [string, string];

/** Compact storage form of a pending manifest (gzip JSON of the pairs). */
export function encodeManifest(entries: readonly ManifestEntry[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(Buffer.from(JSON.stringify(entries), "utf8")));
}

export function decodeManifest(bytes: Uint8Array): ManifestEntry[] {
  return JSON.parse(gunzipSync(bytes).toString("utf8")) as ManifestEntry[];
}

/** Identity of an object set (the protocol's definition, shared with the agent). */
export const manifestDigest = manifestDigestOf;

/** Throws on a key listed twice: the manifest must describe each object once. */
export function assertUniqueKeys(entries: readonly ManifestEntry[]): void {
  const seen = new Set<string>();
  for (const [key] of entries) {
    if (seen.has(key)) throw new Error(`object ${key} is listed twice`);
    seen.add(key);
  }
}
