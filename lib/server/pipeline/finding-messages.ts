// Finding messages are stored once per organization (FindingMessage) and referenced from each
// interval by a 64-bit hash: the message is most of an interval row's width, and a pod-heavy
// cluster repeats ~20,000 distinct messages over ~280,000 intervals.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";

/**
 * The first 64 bits of the message's sha256, as a signed big-endian integer in decimal (the
 * migration that introduced FindingMessage computes the same value in SQL). Collisions need ~2^32
 * distinct messages in one organization.
 */
export function messageHashOf(text: string): string {
  return createHash("sha256").update(text).digest().readBigInt64BE(0).toString();
}

/** Replaces each row's `messageHash` with its `message` text (readers show a few dozen rows at a time). */
export async function withMessages<T extends { messageHash: bigint }>(orgId: string, rows: readonly T[]): Promise<(Omit<T, "messageHash"> & { message: string })[]> {
  const wanted = [...new Set(rows.map((r) => r.messageHash.toString()))];
  const texts = new Map<string, string>();
  if (wanted.length) {
    const found = await prisma.$queryRaw<{ hash: bigint; text: string }[]>`
      SELECT "hash", "text" FROM "FindingMessage" WHERE "orgId" = ${orgId} AND "hash" = ANY(${wanted}::bigint[])`;
    for (const m of found) texts.set(m.hash.toString(), m.text);
  }
  return rows.map(({ messageHash, ...rest }) => ({ ...rest, message: texts.get(messageHash.toString()) ?? "" }));
}
