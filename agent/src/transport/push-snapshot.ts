// The three-step push: manifest → upload only the bodies the server lacks, in gzip chunks ≤ 2 MB →
// complete. Every step is idempotent, so a retry after a crash or a timeout changes nothing twice.
import { gzipSync } from "node:zlib";
import { manifestDigestOf, MAX_CHUNK_BYTES, ZManifestResponse, type TFullManifest, type TManifestAccepted } from "../../../lib/snapshot/protocol";
import type { BackendClient } from "./backend-client";

export interface PendingSnapshot {
  manifest: TFullManifest;
  /** Canonical JSON text of each body, by content hash. */
  bodies: Map<string, string>;
}

export interface PushResult {
  snapshotId: string;
  missing: number;
  chunks: number;
  bytes: number;
}

/** Packs bodies into gzip chunks of at most `maxBytes` compressed. */
export function packChunks(entries: [string, string][], maxBytes = MAX_CHUNK_BYTES): Buffer[] {
  return [...iterateChunks(entries, maxBytes)];
}

/** Yields gzip chunks of at most `maxBytes` compressed one at a time (only one is held in memory). */
export function* iterateChunks(entries: [string, string][], maxBytes = MAX_CHUNK_BYTES): Generator<Buffer> {
  const chunks: Buffer[] = [];
  const encode = (part: [string, string][]) =>
    gzipSync(Buffer.from(`{"objects":[${part.map(([hash, text]) => `{"hash":"${hash}","body":${text}}`).join(",")}]}`, "utf8"));
  const pack = (part: [string, string][]) => {
    if (part.length === 0) return;
    const gz = encode(part);
    if (gz.length <= maxBytes || part.length === 1) {
      if (gz.length > maxBytes) throw new Error(`object ${part[0][0]} is larger than a chunk even alone (${gz.length} bytes compressed)`);
      chunks.push(gz);
      return;
    }
    const mid = Math.ceil(part.length / 2);
    pack(part.slice(0, mid));
    pack(part.slice(mid));
  };
  // Start from groups of ~8 MB uncompressed (typically ≤ 2 MB gzipped); oversized groups split in two.
  let group: [string, string][] = [];
  let size = 0;
  for (const entry of entries) {
    group.push(entry);
    size += entry[1].length;
    if (size >= 8 * 1024 * 1024) {
      pack(group);
      yield* chunks.splice(0);
      group = [];
      size = 0;
    }
  }
  pack(group);
  yield* chunks.splice(0);
}

async function postManifest(client: BackendClient, manifest: object) {
  const body = gzipSync(Buffer.from(JSON.stringify(manifest), "utf8"));
  return ZManifestResponse.parse(
    await client.request("POST", "/api/agent/v1/snapshots", body, { "content-type": "application/json", "content-encoding": "gzip" }),
  );
}

export async function pushSnapshot(client: BackendClient, snapshot: PendingSnapshot): Promise<PushResult> {
  const before = client.bytesSent;
  // First the digest alone: an unchanged cluster costs a few hundred bytes. The object list goes
  // out only when the server does not hold a list with that digest.
  const { objects, ...header } = snapshot.manifest;
  const manifestDigest = manifestDigestOf(objects);
  let reply = await postManifest(client, { ...header, manifestDigest });
  if ("needManifest" in reply) reply = await postManifest(client, { ...header, manifestDigest, objects });
  if ("needManifest" in reply) throw new Error("the backend asked for the object list again after receiving it");
  const answer: TManifestAccepted = reply;
  const missing: [string, string][] = [];
  for (const hash of answer.missing) {
    const text = snapshot.bodies.get(hash);
    if (text === undefined) throw new Error(`the backend asked for ${hash}, which this snapshot does not contain`);
    missing.push([hash, text]);
  }
  let chunkCount = 0;
  for (const chunk of iterateChunks(missing, Math.min(answer.maxChunkBytes || MAX_CHUNK_BYTES, MAX_CHUNK_BYTES))) {
    chunkCount++;
    await client.request("PUT", `/api/agent/v1/snapshots/${encodeURIComponent(answer.snapshotId)}/objects`, chunk, {
      "content-type": "application/json",
      "content-encoding": "gzip",
    });
  }
  await client.request("POST", `/api/agent/v1/snapshots/${encodeURIComponent(answer.snapshotId)}/complete`, Buffer.from("{}"), {
    "content-type": "application/json",
  });
  return { snapshotId: answer.snapshotId, missing: missing.length, chunks: chunkCount, bytes: client.bytesSent - before };
}
