import { createHash, randomBytes } from "node:crypto";

// Agent token format: "ssa_" + 32 base62 characters (≈190 bits of entropy). Only the SHA-256 of
// the whole token is stored (`AgentToken.tokenHash`); the first 12 characters are kept as
// `prefix` so people can tell tokens apart in the UI. prisma/seed uses the same functions.

export const AGENT_TOKEN_PREFIX = "ssa_";
export const AGENT_TOKEN_RANDOM_LENGTH = 32;
export const AGENT_TOKEN_VISIBLE_PREFIX_LENGTH = 12;
export const AGENT_TOKEN_PATTERN = /^ssa_[0-9A-Za-z]{32}$/;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniformly random base62 string: bytes ≥ 248 are rejected so no character is favoured. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= 248) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** SHA-256 hex of a bearer secret (agent token or invitation token), as stored in the database. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type GeneratedAgentToken = { token: string; tokenHash: string; prefix: string };

/** A new agent token with the hash and visible prefix to store; the token itself is shown once. */
export function generateAgentToken(): GeneratedAgentToken {
  const token = AGENT_TOKEN_PREFIX + randomBase62(AGENT_TOKEN_RANDOM_LENGTH);
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, AGENT_TOKEN_VISIBLE_PREFIX_LENGTH) };
}

export function isWellFormedAgentToken(value: string): boolean {
  return AGENT_TOKEN_PATTERN.test(value);
}
