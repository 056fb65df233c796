import { AppError } from "@/lib/api/errors";
import { SlidingWindowCounter } from "@/lib/auth/login-rate-limit";
import type { EnvironmentVariables } from "@/lib/db/client";

// Requests per agent token per minute, counted in this process (with N app replicas the effective
// limit is N times higher). One push of a 15,000-object cluster is ~10 requests, node mode adds one
// per node per interval, so the default leaves room for a large cluster's node DaemonSet while
// stopping a runaway or stolen token from flooding the ingest path.
const DEFAULT_REQUESTS_PER_MINUTE = 600;

export function agentRequestsPerMinute(env: EnvironmentVariables = process.env): number {
  const raw = env.SHIPSHAPE_AGENT_RATE_LIMIT?.trim();
  if (!raw) return DEFAULT_REQUESTS_PER_MINUTE;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`SHIPSHAPE_AGENT_RATE_LIMIT must be a positive integer (got "${raw}")`);
  return value;
}

const globalForLimits = globalThis as unknown as { shipshapeAgentLimiter?: SlidingWindowCounter };

function limiter(): SlidingWindowCounter {
  globalForLimits.shipshapeAgentLimiter ??= new SlidingWindowCounter({ limit: agentRequestsPerMinute(), windowMs: 60_000 });
  return globalForLimits.shipshapeAgentLimiter;
}

/** Counts one request of the token; throws 429 (rate_limited) when the token is over its limit. */
export function enforceAgentRateLimit(tokenId: string): void {
  const counter = limiter();
  if (counter.isBlocked(tokenId)) {
    const seconds = Math.max(1, Math.ceil(counter.retryAfterMs(tokenId) / 1000));
    throw new AppError("rate_limited", `Too many requests for this agent token; retry in ${seconds} s.`);
  }
  counter.record(tokenId);
}
