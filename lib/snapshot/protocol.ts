// The agent ↔ server contract, version 1 (docs/snapshot-protocol.md). Shared by both sides.
import { z } from "zod";
import { sha256Hex } from "./canonical-json";

export const PROTOCOL_VERSION = "1";
/** Upper bound of one gzip chunk of object bodies. */
export const MAX_CHUNK_BYTES = 2 * 1024 * 1024;
/** Upper bound of a chunk once decompressed (refuses gzip bombs). */
export const MAX_CHUNK_DECOMPRESSED_BYTES = 32 * 1024 * 1024;
export const MAX_OBJECTS_PER_SNAPSHOT = 500_000;

const HASH = z.string().regex(/^[0-9a-f]{64}$/, "a sha256 hex digest");
/** `group/kind/namespace/name` (group empty for the core API, namespace empty when cluster-scoped). */
const OBJECT_KEY = z.string().min(3).max(1024).regex(/^[^/\s]*\/[^/\s]+\/[^/\s]*\/[^/\s]+$/, "group/kind/namespace/name");

export const ZCollectionError = z
  .object({
    group: z.string().max(253),
    version: z.string().max(63),
    resource: z.string().max(253),
    kind: z.string().max(253).optional(),
    reason: z.enum(["forbidden", "timeout", "error", "not_found", "too_large"]),
    httpStatus: z.number().int().min(0).max(999).optional(),
    message: z.string().max(2000),
  })
  .strict();

export const ZResourceType = z
  .object({
    group: z.string().max(253),
    version: z.string().max(63),
    resource: z.string().max(253),
    kind: z.string().max(253),
    namespaced: z.boolean(),
    count: z.number().int().min(0),
  })
  .strict();

export const ZClusterIdentity = z
  .object({
    /** UID of the kube-system namespace: stable for the life of the cluster. */
    uid: z.string().min(1).max(128),
    name: z.string().min(1).max(128).optional(),
    provider: z.string().max(32),
    region: z.string().max(64).optional(),
    kubernetesVersion: z.string().max(64),
    platform: z.string().max(64).optional(),
    nodeCount: z.number().int().min(0),
    agentVersion: z.string().max(64),
  })
  .strict();

export const ZSnapshotManifest = z
  .object({
    protocolVersion: z.literal(PROTOCOL_VERSION),
    /** Client-chosen id that makes the POST idempotent (retries return the same snapshot). */
    idempotencyKey: z.string().min(8).max(128),
    collectedAt: z.iso.datetime(),
    cluster: ZClusterIdentity,
    /**
     * Every collected object: [key, content hash]. May be left out when `manifestDigest` is given:
     * the server then reuses the object list it already holds for this cluster if the digests match,
     * or answers `needManifest` (an unchanged cluster re-pushes a few hundred bytes).
     */
    objects: z.array(z.tuple([OBJECT_KEY, HASH])).max(MAX_OBJECTS_PER_SNAPSHOT).optional(),
    /** manifestDigestOf(objects). */
    manifestDigest: HASH.optional(),
    resourceTypes: z.array(ZResourceType).max(5000),
    collectionErrors: z.array(ZCollectionError).max(5000),
  })
  .strict()
  .refine((m) => m.objects !== undefined || m.manifestDigest !== undefined, {
    message: "either objects or manifestDigest is required",
    path: ["objects"],
  });

export const ZManifestAccepted = z.object({
  snapshotId: z.string(),
  /** Hashes whose bodies the server does not have yet. */
  missing: z.array(HASH),
  maxChunkBytes: z.number().int(),
});

/** The server does not hold an object list with this digest: send the manifest again with `objects`. */
export const ZManifestNeeded = z.object({ needManifest: z.literal(true) });

export const ZManifestResponse = z.union([ZManifestAccepted, ZManifestNeeded]);

/** Body of one (gzip-compressed) upload chunk. */
export const ZObjectChunk = z
  .object({
    objects: z
      .array(z.object({ hash: HASH, body: z.record(z.string(), z.unknown()) }).strict())
      .min(1)
      .max(50_000),
  })
  .strict();

export const ZCompleteResponse = z.object({ snapshotId: z.string(), status: z.enum(["queued", "complete"]) });

export type TCollectionError = z.infer<typeof ZCollectionError>;
export type TResourceType = z.infer<typeof ZResourceType>;
export type TClusterIdentity = z.infer<typeof ZClusterIdentity>;
export type TSnapshotManifest = z.infer<typeof ZSnapshotManifest>;
export type TManifestResponse = z.infer<typeof ZManifestResponse>;
export type TManifestAccepted = z.infer<typeof ZManifestAccepted>;
/** A manifest with its object list (what the agent builds; the list is optional only on the wire). */
export type TFullManifest = TSnapshotManifest & { objects: [string, string][] };
export type TObjectChunk = z.infer<typeof ZObjectChunk>;

/** Identity of an object set: sha256 over the key-sorted `key NUL hash` lines (collection order does not matter). */
export function manifestDigestOf(entries: readonly (readonly [string, string])[]): string {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256Hex(sorted.map(([key, hash]) => `${key}\u0000${hash}`).join("\n"));
}

/** The protocol's object key: version-independent, so an API version bump is not a new object. */
export function objectKeyOf(obj: { apiVersion?: string; kind?: string; metadata?: { namespace?: string; name?: string } }): string {
  const apiVersion = obj.apiVersion ?? "v1";
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return `${group}/${obj.kind}/${obj.metadata?.namespace ?? ""}/${obj.metadata?.name ?? ""}`;
}
