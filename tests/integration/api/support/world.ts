// Factories and an HTTP client for API integration tests. Every test builds its own world with
// random names, so files can share one database without interfering.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import { generateInvitationToken } from "@/lib/auth/invitation-tokens";
import type { Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct horse battery staple";
// Cost 4 keeps factories fast; sign-in compares against whatever cost the hash carries.
const TEST_PASSWORD_HASH = bcrypt.hashSync(TEST_PASSWORD, 4);

export function databaseUrl(): string {
  return inject("databaseUrl");
}

export const prisma = createPrismaClient({ url: inject("databaseUrl"), poolSize: 3 });

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createUser(opts: { email?: string; name?: string } = {}) {
  const email = opts.email ?? `${unique("user")}@example.test`;
  return prisma.user.create({ data: { email, name: opts.name ?? email.split("@")[0], passwordHash: TEST_PASSWORD_HASH } });
}

export async function createOrg(ownerId: string, name = unique("org")) {
  return prisma.organization.create({ data: { name, slug: name.toLowerCase(), memberships: { create: { userId: ownerId, role: "OWNER" } } } });
}

export async function addMember(orgId: string, userId: string, role: Role) {
  return prisma.membership.create({ data: { orgId, userId, role } });
}

export async function createCluster(orgId: string, name = unique("cluster")) {
  return prisma.cluster.create({ data: { orgId, name, provider: "eks", environment: "production", region: "eu-west-1", kubernetesVersion: "v1.31.2", lastSeenAt: new Date() } });
}

export async function createAgentToken(orgId: string, opts: { clusterId?: string; revokedAt?: Date; expiresAt?: Date; name?: string } = {}) {
  const { token, tokenHash, prefix } = generateAgentToken();
  const row = await prisma.agentToken.create({
    data: { orgId, clusterId: opts.clusterId ?? null, name: opts.name ?? unique("token"), tokenHash, prefix, revokedAt: opts.revokedAt ?? null, expiresAt: opts.expiresAt ?? null },
  });
  return { ...row, token };
}

export async function createInvitation(orgId: string, role: Role = "VIEWER", opts: { email?: string; expiresAt?: Date } = {}) {
  const { token, tokenHash } = generateInvitationToken();
  const row = await prisma.invitation.create({
    data: { orgId, role, tokenHash, email: opts.email ?? null, expiresAt: opts.expiresAt ?? new Date(Date.now() + 86_400_000) },
  });
  return { ...row, token };
}

export type ApiResponse = { status: number; headers: Headers; text: string; json: unknown };

/** A browser-like client: keeps cookies, signs in through Auth.js's credentials endpoint. */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The same cookies (session) against another server. */
  withBaseUrl(baseUrl: string): ApiClient {
    const copy = new ApiClient(baseUrl);
    copy.cookies = new Map(this.cookies);
    return copy;
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.includes("session-token"));
  }

  async raw(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    this.store(res);
    return res;
  }

  async request(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...extraHeaders };
    let payload: string | undefined;
    if (body !== undefined) {
      headers["content-type"] ??= "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    const res = await this.raw(path, { method, headers, body: payload });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  get(path: string) {
    return this.request("GET", path);
  }

  /** Signs in with email + password; returns whether a session cookie was issued. */
  async signIn(email: string, password = TEST_PASSWORD): Promise<boolean> {
    const csrfRes = await this.raw("/api/auth/csrf");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await this.raw("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: this.baseUrl + "/" }).toString(),
    });
    await res.arrayBuffer();
    return this.hasSession();
  }
}

/** A signed-in client for a fresh user. */
export async function signedInClient(baseUrl: string, user: { email: string }): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  if (!(await client.signIn(user.email))) throw new Error(`sign-in failed for ${user.email}`);
  return client;
}

export function expectErrorShape(res: ApiResponse): { code: string; message: string } {
  const body = res.json as { error?: { code?: unknown; message?: unknown } } | null;
  if (!body || typeof body !== "object" || !body.error || typeof body.error.code !== "string" || typeof body.error.message !== "string") {
    throw new Error(`expected { error: { code, message } }, got ${res.status}: ${res.text.slice(0, 300)}`);
  }
  if (Object.keys(body).length !== 1 || Object.keys(body.error).sort().join(",") !== "code,message") {
    throw new Error(`error body has extra fields: ${res.text.slice(0, 300)}`);
  }
  return { code: body.error.code, message: body.error.message };
}
