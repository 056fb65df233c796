import { prisma } from "@/lib/db/client";
import type { ControlStatus } from "@/lib/engine/types";

export type ControlCountRow = [ControlStatus, number, number, number];
export type ControlCounts = Record<string, ControlCountRow>;

// Per-control counts are content-addressed (ControlScores: the hash of the counts is the key), so a
// row never changes once written: every process can keep the ones it has read. A fleet view reads one
// row per cluster; after the first request only rows of new evaluations come from the database.
const MAX_ENTRIES = 2_000;

export const STATUS_CODES: readonly ControlStatus[] = ["passed", "failed", "excepted", "skipped", "manual", "not_applicable"];
const STATUS_CODE = new Map(STATUS_CODES.map((s, i) => [s, i]));

// Control ids as small integers, shared by every cached row, so fleet sums run over typed arrays.
const controlIndex = new Map<string, number>();
export const controlIds: string[] = [];
function indexOf(id: string): number {
  let i = controlIndex.get(id);
  if (i === undefined) {
    i = controlIds.length;
    controlIds.push(id);
    controlIndex.set(id, i);
  }
  return i;
}

/** The same counts as parallel typed arrays (control index, status code, passed, failed, excepted). */
export type PackedCounts = { control: Uint32Array; status: Uint8Array; passed: Int32Array; failed: Int32Array; excepted: Int32Array };
type Entry = { counts: ControlCounts; packed: PackedCounts };

function pack(counts: ControlCounts): PackedCounts {
  const ids = Object.keys(counts);
  const packed: PackedCounts = { control: new Uint32Array(ids.length), status: new Uint8Array(ids.length), passed: new Int32Array(ids.length), failed: new Int32Array(ids.length), excepted: new Int32Array(ids.length) };
  ids.forEach((id, i) => {
    const [status, passed, failed, excepted] = counts[id];
    packed.control[i] = indexOf(id);
    packed.status[i] = STATUS_CODE.get(status) ?? STATUS_CODE.get("not_applicable")!;
    packed.passed[i] = passed;
    packed.failed[i] = failed;
    packed.excepted[i] = excepted;
  });
  return packed;
}

const cache = new Map<string, Entry>();

function remember(key: string, entry: Entry) {
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** The per-control counts stored under each hash (hashes with no row are left out). */
async function loadEntries(orgId: string, hashes: Iterable<string>): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  const missing: string[] = [];
  for (const hash of new Set(hashes)) {
    const hit = cache.get(`${orgId}:${hash}`);
    if (hit) {
      // Refresh its place in the eviction order.
      cache.delete(`${orgId}:${hash}`);
      cache.set(`${orgId}:${hash}`, hit);
      out.set(hash, hit);
    } else missing.push(hash);
  }
  if (missing.length) {
    const rows = await prisma.$queryRaw<{ hash: string; counts: ControlCounts }[]>`
      SELECT "hash", "counts" FROM "ControlScores" WHERE "orgId" = ${orgId} AND "hash" = ANY(${missing}::text[])`;
    for (const r of rows) {
      const entry = { counts: r.counts, packed: pack(r.counts) };
      remember(`${orgId}:${r.hash}`, entry);
      out.set(r.hash, entry);
    }
  }
  return out;
}

async function entriesOfSnapshots(orgId: string, snapshotIds: string[]): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  if (!snapshotIds.length) return out;
  const rows = await prisma.$queryRaw<{ id: string; hash: string }[]>`
    SELECT "id", "controlScoresHash" AS hash FROM "Snapshot" WHERE "orgId" = ${orgId} AND "id" = ANY(${snapshotIds}::text[]) AND "controlScoresHash" IS NOT NULL`;
  const byHash = await loadEntries(orgId, rows.map((r) => r.hash));
  for (const r of rows) {
    const entry = byHash.get(r.hash);
    if (entry) out.set(r.id, entry);
  }
  return out;
}

/** Snapshot id → its per-control counts, for snapshots of the organization that have them. */
export async function countsOfSnapshots(orgId: string, snapshotIds: string[]): Promise<Map<string, ControlCounts>> {
  return new Map([...(await entriesOfSnapshots(orgId, snapshotIds))].map(([id, e]) => [id, e.counts]));
}

/** The same, packed for summing over many snapshots (indices into `controlIds`, codes into STATUS_CODES). */
export async function packedCountsOfSnapshots(orgId: string, snapshotIds: string[]): Promise<PackedCounts[]> {
  return [...(await entriesOfSnapshots(orgId, snapshotIds)).values()].map((e) => e.packed);
}
