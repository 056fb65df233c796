// Finding messages are stored once per organization (FindingMessage) and referenced from each
// interval by a 64-bit hash: the message is most of an interval row's width, and a pod-heavy
// cluster repeats ~20,000 distinct messages over ~280,000 intervals.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

const BATCH = 5_000;

/**
 * The first 64 bits of the message's sha256, as a signed big-endian integer in decimal (the
 * migration that introduced FindingMessage computes the same value in SQL). Collisions need ~2^32
 * distinct messages in one organization.
 */
export function messageHashOf(text: string): string {
  return createHash("sha256").update(text).digest().readBigInt64BE(0).toString();
}

/** Stores the distinct messages (existing ones are kept) and returns each message's hash. */
export async function storeFindingMessages(tx: Prisma.TransactionClient, orgId: string, messages: Iterable<string>): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const text of messages) if (!hashes.has(text)) hashes.set(text, messageHashOf(text));
  const entries = [...hashes];
  for (let i = 0; i < entries.length; i += BATCH) {
    const part = entries.slice(i, i + BATCH);
    await tx.$executeRaw`
      INSERT INTO "FindingMessage" ("orgId", "hash", "text")
      SELECT ${orgId}, t.h::bigint, t.m
        FROM ROWS FROM (json_array_elements_text(${JSON.stringify(part.map(([, h]) => h))}::json), json_array_elements_text(${JSON.stringify(part.map(([m]) => m))}::json)) AS t(h, m)
      ON CONFLICT ("orgId", "hash") DO NOTHING`;
  }
  return hashes;
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
