// Failed sign-in attempts are limited in process memory, per email+client IP and per email:
//
//   - 10 failures for one email from one IP within 15 minutes block that pair for the rest of
//     the window (stops a single client guessing one account's password);
//   - 50 failures for one email from any IPs within 15 minutes block the email (bounds guessing
//     spread across addresses or forged X-Forwarded-For values).
//
// A successful sign-in clears the pair's count. Counters live in one server process: with N app
// replicas the effective limit is N times higher, which still caps guessing at a few hundred
// attempts per account per window. Documented in docs/api.md.

export type RateLimitRule = { limit: number; windowMs: number };

export const LOGIN_RATE_LIMITS = {
  perEmailAndIp: { limit: 10, windowMs: 15 * 60_000 },
  perEmail: { limit: 50, windowMs: 15 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

/** Sliding-window counter of events per key, held in memory. */
export class SlidingWindowCounter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.rule.windowMs;
    const kept = (this.events.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) this.events.delete(key);
    else this.events.set(key, kept);
    return kept;
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.rule.limit;
  }

  /** Milliseconds until the oldest counted event leaves the window (0 when not blocked). */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.rule.limit) return 0;
    return Math.max(0, recent[recent.length - this.rule.limit] + this.rule.windowMs - this.now());
  }

  record(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.events.set(key, recent);
    if (this.events.size > this.maxKeys) this.prune();
  }

  reset(key: string): void {
    this.events.delete(key);
  }

  private prune(): void {
    for (const key of [...this.events.keys()]) this.recent(key);
    // Still too many live keys (a flood of distinct emails): drop the oldest inserted ones.
    const excess = this.events.size - this.maxKeys;
    if (excess > 0) {
      let dropped = 0;
      for (const key of this.events.keys()) {
        if (dropped++ >= excess) break;
        this.events.delete(key);
      }
    }
  }
}

export class LoginRateLimiter {
  private readonly pair: SlidingWindowCounter;
  private readonly email: SlidingWindowCounter;

  constructor(
    rules: { perEmailAndIp: RateLimitRule; perEmail: RateLimitRule } = LOGIN_RATE_LIMITS,
    now: () => number = Date.now,
  ) {
    this.pair = new SlidingWindowCounter(rules.perEmailAndIp, now);
    this.email = new SlidingWindowCounter(rules.perEmail, now);
  }

  private static keys(email: string, ip: string) {
    const normalized = email.trim().toLowerCase();
    return { pair: `${normalized}|${ip}`, email: normalized };
  }

  /** Whether another attempt is allowed now; when not, how long until it is. */
  check(email: string, ip: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const k = LoginRateLimiter.keys(email, ip);
    if (this.pair.isBlocked(k.pair) || this.email.isBlocked(k.email)) {
      return {
        allowed: false,
        retryAfterMs: Math.max(this.pair.retryAfterMs(k.pair), this.email.retryAfterMs(k.email)),
      };
    }
    return { allowed: true };
  }

  recordFailure(email: string, ip: string): void {
    const k = LoginRateLimiter.keys(email, ip);
    this.pair.record(k.pair);
    this.email.record(k.email);
  }

  recordSuccess(email: string, ip: string): void {
    this.pair.reset(LoginRateLimiter.keys(email, ip).pair);
  }
}

// One limiter per server process; survives Next's dev-mode module reloads.
const globalForLimiter = globalThis as unknown as { shipshapeLoginLimiter?: LoginRateLimiter };
export const loginRateLimiter: LoginRateLimiter =
  globalForLimiter.shipshapeLoginLimiter ?? (globalForLimiter.shipshapeLoginLimiter = new LoginRateLimiter());

/** The client address as seen by the first proxy in front of the app (or "unknown"). */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
