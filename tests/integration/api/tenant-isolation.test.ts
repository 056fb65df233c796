// A member of org A must get 404 — and none of B's data — for every org-scoped route pointed at
// org B or at B's objects. Routes come from the file system, so a new route is tested (or this
// file fails and says how to cover it) without anyone remembering to add a case.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppServer, type AppServer } from "../../support/app-server";
import { fillPattern, listApiRoutes, listServerActionFiles, type HttpMethod } from "./support/route-inventory";
import {
  ApiClient,
  addMember,
  createAgentToken,
  createCluster,
  createInvitation,
  createOrg,
  createUser,
  databaseUrl,
  expectErrorShape,
  prisma,
  signedInClient,
} from "./support/world";

const ORG_SCOPED_PREFIX = "/api/orgs/[slug]";

// Every API route outside /api/orgs/[slug] must be listed here with the reason it is not
// org-scoped, and is covered by the tests named.
const NON_ORG_ROUTES: Record<string, string> = {
  "/api/health": "public health check (health.test.ts)",
  "/api/[...path]": "JSON 404 for unknown API paths (bad-input.test.ts)",
  "/api/auth/[...nextauth]": "Auth.js sign-in endpoints (auth.test.ts)",
  "/api/orgs": "lists only the caller's organizations / creates a new one (below)",
  "/api/invitations/accept": "accepts an invitation by its secret link token (roles.test.ts)",
};
// Agent routes are authenticated by token, never by session: agent-auth.test.ts enumerates them.
const AGENT_PREFIX = "/api/agent/";

// Server actions that are not org-scoped. An org-scoped action needs isolation tests here first.
const ALLOWED_SERVER_ACTIONS: Record<string, string[]> = {
  "lib/auth/actions.ts": ["signInWithPassword", "signUpWithPassword", "signInWithProvider", "signOutAction"],
};

// Valid bodies, so a route that forgot its org check would succeed (and fail this test) instead
// of being stopped by validation.
const BODIES: Record<string, unknown> = {
  "POST /api/orgs/[slug]/clusters": { name: "isolation-probe", provider: "eks", environment: "production" },
  "POST /api/orgs/[slug]/tokens": { name: "isolation-probe" },
  "PATCH /api/orgs/[slug]/members/[membershipId]": { role: "ADMIN" },
  "POST /api/orgs/[slug]/invitations": { role: "ADMIN" },
  "POST /api/orgs/[slug]/rbac/clusters/[clusterId]/who-can": { verb: "get", resource: "secrets" },
};

const routes = listApiRoutes();
const orgRoutes = routes.filter((r) => r.pattern === ORG_SCOPED_PREFIX || r.pattern.startsWith(`${ORG_SCOPED_PREFIX}/`));
const orgCases = orgRoutes.flatMap((r) => r.methods.map((method) => ({ method, pattern: r.pattern, params: r.params })));

let server: AppServer;
let clientA: ApiClient;
let anonymous: ApiClient;

type World = Awaited<ReturnType<typeof buildOrgWorld>>;
let A: World;
let B: World;

async function buildOrgWorld(label: string) {
  const owner = await createUser({ name: `${label} Owner` });
  const org = await createOrg(owner.id);
  const viewer = await createUser({ name: `${label} Viewer` });
  const viewerMembership = await addMember(org.id, viewer.id, "VIEWER");
  const cluster = await createCluster(org.id);
  const token = await createAgentToken(org.id, { clusterId: cluster.id });
  const invitation = await createInvitation(org.id, "ADMIN");
  await prisma.auditEvent.create({ data: { orgId: org.id, actorId: owner.id, action: "cluster.registered", targetType: "cluster", targetId: cluster.id, data: { name: cluster.name } } });
  return { owner, org, viewer, viewerMembership, cluster, token, invitation };
}

function paramValues(w: World, slug = w.org.slug): Record<string, string> {
  return { slug, clusterId: w.cluster.id, tokenId: w.token.id, membershipId: w.viewerMembership.id, invitationId: w.invitation.id, subject: "User/isolation-probe", controlId: "SS-0057" };
}

/** Strings that only org B's data contains; none may appear in a response to A. */
function secretsOf(w: World): string[] {
  return [w.org.id, w.org.name, w.owner.email, w.viewer.email, w.cluster.name, w.token.prefix, w.token.name, w.owner.id, w.viewer.id];
}

async function snapshotOf(w: World) {
  const [org, memberships, clusters, tokens, invitations, auditEvents] = await Promise.all([
    prisma.organization.findUnique({ where: { id: w.org.id } }),
    prisma.membership.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } }),
    prisma.cluster.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } }),
    prisma.agentToken.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } }),
    prisma.invitation.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { orgId: w.org.id } }),
  ]);
  return JSON.stringify({ org, memberships, clusters, tokens: tokens.map(({ lastUsedAt: _ignored, ...t }) => t), invitations, auditEvents });
}

let bBefore: string;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
  A = await buildOrgWorld("Alpha");
  B = await buildOrgWorld("Bravo");
  clientA = await signedInClient(server.url, A.owner);
  anonymous = new ApiClient(server.url);
  bBefore = await snapshotOf(B);
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

describe("route inventory", () => {
  test("finds the org-scoped routes (the inventory itself works)", () => {
    expect(orgCases.length).toBeGreaterThanOrEqual(10);
    expect(orgCases).toContainEqual(expect.objectContaining({ method: "GET", pattern: "/api/orgs/[slug]/clusters" }));
  });

  test("every API route is org-scoped, an agent route, or listed with a reason", () => {
    const unclassified = routes
      .filter((r) => !orgRoutes.includes(r) && !r.pattern.startsWith(AGENT_PREFIX) && !(r.pattern in NON_ORG_ROUTES))
      .map((r) => `${r.pattern} (${r.file})`);
    expect(unclassified, "classify these routes in NON_ORG_ROUTES or move them under /api/orgs/[slug]").toEqual([]);
    const stale = Object.keys(NON_ORG_ROUTES).filter((p) => !routes.some((r) => r.pattern === p));
    expect(stale, "NON_ORG_ROUTES lists routes that no longer exist").toEqual([]);
  });

  test("every route exports at least one HTTP method", () => {
    expect(routes.filter((r) => r.methods.length === 0).map((r) => r.file)).toEqual([]);
  });

  test("server actions are only the known, non-org-scoped ones", async () => {
    const root = path.resolve(__dirname, "../../..");
    const files = listServerActionFiles(["app", "lib", "components"].map((d) => path.join(root, d))).map((f) => path.relative(root, f));
    expect(files.sort()).toEqual(Object.keys(ALLOWED_SERVER_ACTIONS).sort());
    for (const [file, allowed] of Object.entries(ALLOWED_SERVER_ACTIONS)) {
      const source = (await import("node:fs")).readFileSync(path.join(root, file), "utf8");
      const exported = [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]);
      expect(exported.sort(), `${file} exports a server action not reviewed for org scoping`).toEqual([...allowed].sort());
    }
  });
});

describe("a member of org A asking for org B's objects gets 404 and no data", () => {
  test.each(orgCases)("$method $pattern", async ({ method, pattern }) => {
    const url = fillPattern(pattern, paramValues(B));
    const res = await clientA.request(method, url, BODIES[`${method} ${pattern}`]);
    expect(res.status, `${method} ${url} answered ${res.status}: ${res.text.slice(0, 200)}`).toBe(404);
    expect(expectErrorShape(res).code).toBe("not_found");
    for (const secret of secretsOf(B)) expect(res.text).not.toContain(secret);
  });
});

describe("org A's URL with org B's object ids gets 404 and no data", () => {
  // Library data (a control id) is the same in every organization: only routes that also name an
  // organization's own object can be pointed at another tenant's.
  const SHARED_PARAMS = new Set(["slug", "controlId"]);
  const objectCases = orgCases.filter((c) => c.params.some((p) => !SHARED_PARAMS.has(p)));
  test("there are routes with object ids to check", () => expect(objectCases.length).toBeGreaterThanOrEqual(4));
  test.each(objectCases)("$method $pattern", async ({ method, pattern }) => {
    const url = fillPattern(pattern, { ...paramValues(B), slug: A.org.slug });
    const res = await clientA.request(method, url, BODIES[`${method} ${pattern}`]);
    expect(res.status, `${method} ${url} answered ${res.status}: ${res.text.slice(0, 200)}`).toBe(404);
    expectErrorShape(res);
    for (const secret of secretsOf(B)) expect(res.text).not.toContain(secret);
  });
});

describe("controls: the same requests succeed for A's own objects", () => {
  // Without this, a wrong parameter mapping would make every 404 above pass for the wrong reason.
  const reads = orgCases.filter((c) => c.method === "GET");
  test.each(reads)("$method $pattern", async ({ method, pattern }) => {
    const res = await clientA.request(method, fillPattern(pattern, paramValues(A)));
    expect(res.status, res.text.slice(0, 200)).toBe(200);
  });
});

describe("without a session every org-scoped route answers 401", () => {
  test.each(orgCases)("$method $pattern", async ({ method, pattern }) => {
    const res = await anonymous.request(method, fillPattern(pattern, paramValues(A)), BODIES[`${method} ${pattern}`]);
    expect(res.status).toBe(401);
    expect(expectErrorShape(res).code).toBe("unauthorized");
  });
});

describe("user-scoped routes", () => {
  test("GET /api/orgs lists only the caller's organizations", async () => {
    const res = await clientA.get("/api/orgs");
    expect(res.status).toBe(200);
    const slugs = (res.json as { organizations: { slug: string }[] }).organizations.map((o) => o.slug);
    expect(slugs).toContain(A.org.slug);
    expect(slugs).not.toContain(B.org.slug);
    for (const secret of secretsOf(B)) expect(res.text).not.toContain(secret);
  });
});

test("org B's data is unchanged after every request above", async () => {
  expect(await snapshotOf(B)).toBe(bBefore);
});
