import { gunzipSync, gzipSync } from "node:zlib";
import { sha256Hex } from "@/lib/snapshot/canonical-json";

/** A manifest entry: [object key, content hash]. */
export type ManifestEntry = [string, string];

/** Compact storage form of a pending manifest (gzip JSON of the pairs). */
export function encodeManifest(entries: readonly ManifestEntry[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(Buffer.from(JSON.stringify(entries), "utf8")));
}

export function decodeManifest(bytes: Uint8Array): ManifestEntry[] {
  return JSON.parse(gunzipSync(bytes).toString("utf8")) as ManifestEntry[];
}

/** Identity of an object set: sha256 over the key-sorted pairs (order of collection does not matter). */
export function manifestDigest(entries: readonly ManifestEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256Hex(sorted.map(([key, hash]) => `${key}\u0000${hash}`).join("\n"));
}

/** Throws on a key listed twice: the manifest must describe each object once. */
export function assertUniqueKeys(entries: readonly ManifestEntry[]): void {
  const seen = new Set<string>();
  for (const [key] of entries) {
    if (seen.has(key)) throw new Error(`object ${key} is listed twice`);
    seen.add(key);
  }
}
