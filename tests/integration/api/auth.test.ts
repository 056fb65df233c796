// Password sign-in through Auth.js's own endpoints, and the login rate limit
// (lib/auth/login-rate-limit.ts: 10 failures per email+IP per 15 minutes).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppServer, type AppServer } from "../../support/app-server";
import { ApiClient, createUser, databaseUrl, prisma, TEST_PASSWORD } from "./support/world";

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

async function attempt(email: string, password: string, ip: string): Promise<{ ok: boolean; location: string }> {
  const client = new ApiClient(server.url);
  const csrf = (await (await client.raw("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await client.raw("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl: `${server.url}/` }).toString(),
  });
  await res.arrayBuffer();
  return { ok: client.hasSession(), location: res.headers.get("location") ?? "" };
}

describe("password sign-in", () => {
  test("the right password gets an HttpOnly, SameSite session cookie; the session names the user", async () => {
    const user = await createUser();
    const client = new ApiClient(server.url);
    const csrf = (await (await client.raw("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await client.raw("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email.toUpperCase(), password: TEST_PASSWORD, csrfToken: csrf.csrfToken }).toString(),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.includes("session-token"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = (await (await client.raw("/api/auth/session")).json()) as { user: { id: string; email: string } };
    expect(session.user).toMatchObject({ id: user.id, email: user.email });
  });

  test("a wrong password or unknown email gets no session", async () => {
    const user = await createUser();
    expect((await attempt(user.email, "wrong password!", "198.51.100.1")).ok).toBe(false);
    expect((await attempt("nobody-here@example.test", TEST_PASSWORD, "198.51.100.1")).ok).toBe(false);
  });

  test("a user without a password (OAuth-only) cannot sign in with one", async () => {
    const user = await prisma.user.create({ data: { email: `oauth-${Date.now()}@example.test` } });
    expect((await attempt(user.email, TEST_PASSWORD, "198.51.100.2")).ok).toBe(false);
  });
});

describe("login rate limit", () => {
  test("after 10 failures for one email from one IP, even the right password is refused there — not from another IP", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) expect((await attempt(user.email, `wrong-${i}-password`, "203.0.113.7")).ok).toBe(false);
    const blocked = await attempt(user.email, TEST_PASSWORD, "203.0.113.7");
    expect(blocked.ok).toBe(false);
    expect(blocked.location).toContain("code=rate_limited");
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.8")).ok).toBe(true);
  });

  test("a success resets the count for that email and IP", async () => {
    const user = await createUser();
    for (let i = 0; i < 9; i++) await attempt(user.email, `wrong-${i}-password`, "203.0.113.9");
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.9")).ok).toBe(true);
    for (let i = 0; i < 9; i++) await attempt(user.email, `again-${i}-password`, "203.0.113.9");
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.9")).ok).toBe(true);
  });
});
