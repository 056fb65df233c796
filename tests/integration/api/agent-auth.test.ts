// Agent routes accept only a valid bearer token: wrong, malformed, expired or revoked → 401, and
// a token revoked through the API is refused on the very next request.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppServer, type AppServer } from "../../support/app-server";
import { listApiRoutes, fillPattern } from "./support/route-inventory";
import { ApiClient, createAgentToken, createCluster, createOrg, createUser, databaseUrl, expectErrorShape, prisma, signedInClient } from "./support/world";

let server: AppServer;
let anonymous: ApiClient;
let org: Awaited<ReturnType<typeof createOrg>>;
let cluster: Awaited<ReturnType<typeof createCluster>>;
let ownerEmail: string;

const agentRoutes = listApiRoutes().filter((r) => r.pattern.startsWith("/api/agent/"));

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
  anonymous = new ApiClient(server.url);
  const owner = await createUser();
  ownerEmail = owner.email;
  org = await createOrg(owner.id);
  cluster = await createCluster(org.id);
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

const whoami = (authorization?: string) => anonymous.request("GET", "/api/agent/v1/whoami", undefined, authorization ? { authorization } : {});

describe("GET /api/agent/v1/whoami", () => {
  test("a valid cluster-scoped token gets its organization and cluster, and lastUsedAt is recorded", async () => {
    const token = await createAgentToken(org.id, { clusterId: cluster.id });
    const res = await whoami(`Bearer ${token.token}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      organization: { id: org.id, slug: org.slug, name: org.name },
      cluster: { id: cluster.id, name: cluster.name },
      token: { id: token.id, name: token.name, prefix: token.prefix },
    });
    const row = await prisma.agentToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  test("an organization-wide token has no cluster scope", async () => {
    const token = await createAgentToken(org.id);
    const res = await whoami(`Bearer ${token.token}`);
    expect(res.status).toBe(200);
    expect((res.json as { cluster: unknown }).cluster).toBeNull();
  });

  const refused: [string, () => Promise<string | undefined>][] = [
    ["no Authorization header", async () => undefined],
    ["a non-Bearer scheme", async () => `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["a malformed token", async () => "Bearer not-a-token"],
    ["a well-formed token that was never issued", async () => `Bearer ssa_${"A".repeat(32)}`],
    ["a token with one character changed", async () => {
      const t = (await createAgentToken(org.id)).token;
      return `Bearer ${t.slice(0, -1)}${t.endsWith("a") ? "b" : "a"}`;
    }],
    ["an expired token", async () => `Bearer ${(await createAgentToken(org.id, { expiresAt: new Date(Date.now() - 1000) })).token}`],
    ["a revoked token", async () => `Bearer ${(await createAgentToken(org.id, { revokedAt: new Date() })).token}`],
  ];

  test.each(refused)("%s → 401", async (_name, header) => {
    const res = await whoami(await header());
    expect(res.status).toBe(401);
    expect(expectErrorShape(res).code).toBe("unauthorized");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.text).not.toContain(org.slug);
  });

  test("a token revoked in the dashboard is refused on the next request", async () => {
    const owner = await signedInClient(server.url, { email: ownerEmail });
    const created = await owner.request("POST", `/api/orgs/${org.slug}/tokens`, { name: "to-revoke", clusterId: cluster.id });
    expect(created.status).toBe(201);
    const { token } = created.json as { token: { id: string; token: string; prefix: string } };
    expect(token.token).toMatch(/^ssa_[0-9A-Za-z]{32}$/);
    expect(token.prefix).toBe(token.token.slice(0, 12));

    expect((await whoami(`Bearer ${token.token}`)).status).toBe(200);
    const revoked = await owner.request("DELETE", `/api/orgs/${org.slug}/tokens/${token.id}`);
    expect(revoked.status).toBe(200);
    const after = await whoami(`Bearer ${token.token}`);
    expect(after.status).toBe(401);
    expect(expectErrorShape(after).message).toMatch(/revoked/);

    const events = await prisma.auditEvent.findMany({ where: { orgId: org.id, targetId: token.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["agent_token.created", "agent_token.revoked"]);
  });

  test("the token is stored only as its SHA-256 hash", async () => {
    const owner = await signedInClient(server.url, { email: ownerEmail });
    const created = await owner.request("POST", `/api/orgs/${org.slug}/tokens`, { name: "hash-check" });
    const { token } = created.json as { token: { id: string; token: string } };
    const row = await prisma.agentToken.findUniqueOrThrow({ where: { id: token.id } });
    const { createHash } = await import("node:crypto");
    expect(row.tokenHash).toBe(createHash("sha256").update(token.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token.token);
    const list = await owner.get(`/api/orgs/${org.slug}/tokens`);
    expect(list.text).not.toContain(token.token);
  });
});

describe("every agent route requires a token", () => {
  test("there is at least one agent route", () => expect(agentRoutes.length).toBeGreaterThan(0));
  const cases = agentRoutes.flatMap((r) => r.methods.map((method) => ({ method, pattern: r.pattern, params: r.params })));
  test.each(cases)("$method $pattern without a token → 401", async ({ method, pattern, params }) => {
    const values = Object.fromEntries(params.map((p) => [p, "x"]));
    const res = await anonymous.request(method, fillPattern(pattern, values), method === "GET" || method === "DELETE" ? undefined : {});
    expect(res.status).toBe(401);
    expectErrorShape(res);
  });
});
