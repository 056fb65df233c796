import { describe, expect, test } from "vitest";
import { clientIpFrom, LOGIN_RATE_LIMITS, LoginRateLimiter, SlidingWindowCounter } from "@/lib/auth/login-rate-limit";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("the documented limits", () => {
  test("10 failures per email+IP and 50 per email, in 15-minute windows", () => {
    expect(LOGIN_RATE_LIMITS).toEqual({ perEmailAndIp: { limit: 10, windowMs: 900_000 }, perEmail: { limit: 50, windowMs: 900_000 } });
  });
});

describe("LoginRateLimiter", () => {
  test("blocks an email+IP after 10 failures, for that pair only", () => {
    const c = clock();
    const limiter = new LoginRateLimiter(LOGIN_RATE_LIMITS, c.now);
    for (let i = 0; i < 9; i++) limiter.recordFailure("a@example.com", "1.1.1.1");
    expect(limiter.check("a@example.com", "1.1.1.1").allowed).toBe(true);
    limiter.recordFailure("a@example.com", "1.1.1.1");
    expect(limiter.check("a@example.com", "1.1.1.1").allowed).toBe(false);
    expect(limiter.check("A@Example.com ", "1.1.1.1").allowed).toBe(false);
    expect(limiter.check("a@example.com", "2.2.2.2").allowed).toBe(true);
    expect(limiter.check("b@example.com", "1.1.1.1").allowed).toBe(true);
  });

  test("the block lifts once the oldest failure leaves the window, and reports how long to wait", () => {
    const c = clock();
    const limiter = new LoginRateLimiter(LOGIN_RATE_LIMITS, c.now);
    for (let i = 0; i < 10; i++) {
      limiter.recordFailure("a@example.com", "1.1.1.1");
      c.advance(60_000);
    }
    const blocked = limiter.check("a@example.com", "1.1.1.1");
    expect(blocked).toEqual({ allowed: false, retryAfterMs: 900_000 - 600_000 });
    c.advance(300_001);
    expect(limiter.check("a@example.com", "1.1.1.1").allowed).toBe(true);
  });

  test("a success clears the pair's count", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 9; i++) limiter.recordFailure("a@example.com", "1.1.1.1");
    limiter.recordSuccess("a@example.com", "1.1.1.1");
    for (let i = 0; i < 9; i++) limiter.recordFailure("a@example.com", "1.1.1.1");
    expect(limiter.check("a@example.com", "1.1.1.1").allowed).toBe(true);
  });

  test("50 failures for one email across many IPs block the email everywhere", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 50; i++) limiter.recordFailure("victim@example.com", `10.0.0.${i}`);
    expect(limiter.check("victim@example.com", "10.9.9.9").allowed).toBe(false);
    expect(limiter.check("other@example.com", "10.9.9.9").allowed).toBe(true);
  });
});

describe("SlidingWindowCounter", () => {
  test("bounds memory: beyond maxKeys the oldest keys are dropped", () => {
    const counter = new SlidingWindowCounter({ limit: 1, windowMs: 60_000 }, Date.now, 100);
    for (let i = 0; i < 150; i++) counter.record(`k${i}`);
    expect(counter.isBlocked("k149")).toBe(true);
    expect(counter.isBlocked("k0")).toBe(false);
  });
});

describe("clientIpFrom", () => {
  test("the first X-Forwarded-For entry, then X-Real-IP, then unknown", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBe("203.0.113.5");
    expect(clientIpFrom(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIpFrom(new Headers())).toBe("unknown");
  });
});
