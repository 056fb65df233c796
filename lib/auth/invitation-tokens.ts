import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/auth/agent-tokens";

/** Invitation links carry 32 random bytes (base64url); the database keeps only their hash. */
export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}
