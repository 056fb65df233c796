// Roles: VIEWER reads, ADMIN manages clusters and tokens, OWNER manages members. The last owner
// can never be demoted or removed. Invitations carry a role and work once.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppServer, type AppServer } from "../../support/app-server";
import { ApiClient, addMember, createAgentToken, createCluster, createInvitation, createOrg, createUser, databaseUrl, expectErrorShape, prisma, signedInClient } from "./support/world";

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

async function orgWithRoles() {
  const owner = await createUser();
  const admin = await createUser();
  const viewer = await createUser();
  const org = await createOrg(owner.id);
  const adminMembership = await addMember(org.id, admin.id, "ADMIN");
  const viewerMembership = await addMember(org.id, viewer.id, "VIEWER");
  const ownerMembership = await prisma.membership.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
  const cluster = await createCluster(org.id);
  const token = await createAgentToken(org.id);
  return {
    org,
    cluster,
    token,
    ownerMembership,
    adminMembership,
    viewerMembership,
    owner: await signedInClient(server.url, owner),
    admin: await signedInClient(server.url, admin),
    viewer: await signedInClient(server.url, viewer),
    users: { owner, admin, viewer },
  };
}

describe("VIEWER", () => {
  test("reads clusters, tokens, members and the overview", async () => {
    const w = await orgWithRoles();
    for (const path of ["", "/overview", "/clusters", `/clusters/${w.cluster.id}`, "/tokens", "/members"]) {
      const res = await w.viewer.get(`/api/orgs/${w.org.slug}${path}`);
      expect(res.status, path).toBe(200);
    }
  });

  const forbidden: [string, string, string, (w: Awaited<ReturnType<typeof orgWithRoles>>) => string, unknown][] = [
    ["create a token", "POST", "tokens", () => "/tokens", { name: "nope" }],
    ["revoke a token", "DELETE", "tokens", (w) => `/tokens/${w.token.id}`, undefined],
    ["register a cluster", "POST", "clusters", () => "/clusters", { name: "viewer-cluster", provider: "eks", environment: "production" }],
    ["invite a member", "POST", "invitations", () => "/invitations", { role: "OWNER" }],
    ["change a role", "PATCH", "members", (w) => `/members/${w.viewerMembership.id}`, { role: "OWNER" }],
    ["remove a member", "DELETE", "members", (w) => `/members/${w.adminMembership.id}`, undefined],
    ["read the audit log", "GET", "audit", () => "/audit-events", undefined],
  ];

  test.each(forbidden)("cannot %s (403, nothing changes)", async (_name, method, _kind, path, body) => {
    const w = await orgWithRoles();
    const tokensBefore = await prisma.agentToken.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } });
    const membersBefore = await prisma.membership.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } });
    const res = await w.viewer.request(method, `/api/orgs/${w.org.slug}${path(w)}`, body);
    expect(res.status).toBe(403);
    expect(expectErrorShape(res).code).toBe("forbidden");
    expect(await prisma.agentToken.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } })).toEqual(tokensBefore);
    expect(await prisma.membership.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" } })).toEqual(membersBefore);
    expect(await prisma.cluster.count({ where: { orgId: w.org.id } })).toBe(1);
    expect(await prisma.invitation.count({ where: { orgId: w.org.id } })).toBe(0);
  });
});

describe("ADMIN", () => {
  test("registers a cluster and gets its token and install commands once", async () => {
    const w = await orgWithRoles();
    const res = await w.admin.request("POST", `/api/orgs/${w.org.slug}/clusters`, { name: "prod-eu-1", provider: "gke", environment: "production", region: "europe-west1", labels: { team: "payments" } });
    expect(res.status).toBe(201);
    const body = res.json as { cluster: { id: string; name: string }; token: { token: string; prefix: string; clusterId: string }; installCommands: { helm: string; npx: string } };
    expect(body.cluster.name).toBe("prod-eu-1");
    expect(body.token.clusterId).toBe(body.cluster.id);
    expect(body.installCommands.npx).toBe(`npx shipshape agent --server ${server.url} --token ${body.token.token}`);
    expect(body.installCommands.helm).toContain(`--set token=${body.token.token}`);
    expect(res.headers.get("cache-control")).toContain("no-store");

    const detail = await w.admin.get(`/api/orgs/${w.org.slug}/clusters/${body.cluster.id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).not.toContain(body.token.token);
    expect(detail.text).toContain(body.token.prefix);

    const actions = (await prisma.auditEvent.findMany({ where: { orgId: w.org.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["cluster.registered", "agent_token.created"]));
  });

  test("cannot manage members", async () => {
    const w = await orgWithRoles();
    expect((await w.admin.request("POST", `/api/orgs/${w.org.slug}/invitations`, { role: "VIEWER" })).status).toBe(403);
    expect((await w.admin.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.viewerMembership.id}`, { role: "ADMIN" })).status).toBe(403);
    expect((await w.admin.request("DELETE", `/api/orgs/${w.org.slug}/members/${w.viewerMembership.id}`)).status).toBe(403);
  });

  test("reads the audit log", async () => {
    const w = await orgWithRoles();
    expect((await w.admin.get(`/api/orgs/${w.org.slug}/audit-events`)).status).toBe(200);
  });
});

describe("OWNER", () => {
  test("changes roles and removes members, with audit events", async () => {
    const w = await orgWithRoles();
    const changed = await w.owner.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.viewerMembership.id}`, { role: "ADMIN" });
    expect(changed.status).toBe(200);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: w.viewerMembership.id } })).role).toBe("ADMIN");
    const removed = await w.owner.request("DELETE", `/api/orgs/${w.org.slug}/members/${w.adminMembership.id}`);
    expect(removed.status).toBe(200);
    expect(await prisma.membership.findUnique({ where: { id: w.adminMembership.id } })).toBeNull();
    // The removed admin loses access at once (their session still exists).
    expect((await w.admin.get(`/api/orgs/${w.org.slug}/clusters`)).status).toBe(404);
    const actions = (await prisma.auditEvent.findMany({ where: { orgId: w.org.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["member.role_changed", "member.removed"]));
  });

  test("the last owner can be neither demoted nor removed", async () => {
    const w = await orgWithRoles();
    const demote = await w.owner.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.ownerMembership.id}`, { role: "ADMIN" });
    expect(demote.status).toBe(409);
    expect(expectErrorShape(demote).message).toMatch(/at least one owner/);
    const remove = await w.owner.request("DELETE", `/api/orgs/${w.org.slug}/members/${w.ownerMembership.id}`);
    expect(remove.status).toBe(409);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: w.ownerMembership.id } })).role).toBe("OWNER");
  });

  test("with a second owner, an owner may step down", async () => {
    const w = await orgWithRoles();
    expect((await w.owner.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.adminMembership.id}`, { role: "OWNER" })).status).toBe(200);
    expect((await w.owner.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.ownerMembership.id}`, { role: "VIEWER" })).status).toBe(200);
    // Now a viewer: member management is refused.
    expect((await w.owner.request("DELETE", `/api/orgs/${w.org.slug}/members/${w.viewerMembership.id}`)).status).toBe(403);
  });

  test("two owners demoting each other at once still leave one owner", async () => {
    const w = await orgWithRoles();
    await w.owner.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.adminMembership.id}`, { role: "OWNER" });
    const [a, b] = await Promise.all([
      w.owner.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.adminMembership.id}`, { role: "VIEWER" }),
      w.admin.request("PATCH", `/api/orgs/${w.org.slug}/members/${w.ownerMembership.id}`, { role: "VIEWER" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await prisma.membership.count({ where: { orgId: w.org.id, role: "OWNER" } })).toBe(1);
  });
});

describe("invitations", () => {
  test("an owner's invite link adds the member with its role, once", async () => {
    const w = await orgWithRoles();
    const created = await w.owner.request("POST", `/api/orgs/${w.org.slug}/invitations`, { role: "ADMIN" });
    expect(created.status).toBe(201);
    const { invitation } = created.json as { invitation: { token: string; url: string } };
    expect(invitation.url).toBe(`${server.url}/invite/${invitation.token}`);
    const stored = await prisma.invitation.findFirstOrThrow({ where: { orgId: w.org.id } });
    const { createHash } = await import("node:crypto");
    expect(stored.tokenHash).toBe(createHash("sha256").update(invitation.token).digest("hex"));

    const newcomer = await createUser();
    const client = await signedInClient(server.url, newcomer);
    expect((await client.get(`/api/orgs/${w.org.slug}/clusters`)).status).toBe(404);
    const accepted = await client.request("POST", "/api/invitations/accept", { token: invitation.token });
    expect(accepted.status).toBe(200);
    expect((accepted.json as { role: string }).role).toBe("ADMIN");
    expect((await client.get(`/api/orgs/${w.org.slug}/clusters`)).status).toBe(200);

    const again = await (await signedInClient(server.url, await createUser())).request("POST", "/api/invitations/accept", { token: invitation.token });
    expect(again.status).toBe(409);
  });

  test("expired, revoked and email-restricted invitations are refused", async () => {
    const w = await orgWithRoles();
    const user = await createUser();
    const client = await signedInClient(server.url, user);
    const expired = await createInvitation(w.org.id, "VIEWER", { expiresAt: new Date(Date.now() - 1000) });
    expect((await client.request("POST", "/api/invitations/accept", { token: expired.token })).status).toBe(409);
    const forOther = await createInvitation(w.org.id, "VIEWER", { email: "someone-else@example.test" });
    expect((await client.request("POST", "/api/invitations/accept", { token: forOther.token })).status).toBe(403);
    const revoked = await createInvitation(w.org.id, "VIEWER");
    expect((await w.owner.request("DELETE", `/api/orgs/${w.org.slug}/invitations/${revoked.id}`)).status).toBe(200);
    expect((await client.request("POST", "/api/invitations/accept", { token: revoked.token })).status).toBe(409);
    expect((await client.request("POST", "/api/invitations/accept", { token: "x".repeat(43) })).status).toBe(404);
    expect(await prisma.membership.count({ where: { orgId: w.org.id, userId: user.id } })).toBe(0);
  });

  test("accepting requires a session", async () => {
    const w = await orgWithRoles();
    const inv = await createInvitation(w.org.id);
    const res = await new ApiClient(server.url).request("POST", "/api/invitations/accept", { token: inv.token });
    expect(res.status).toBe(401);
  });
});

describe("organizations", () => {
  test("creating an organization makes the caller its owner and records an audit event", async () => {
    const user = await createUser();
    const client = await signedInClient(server.url, user);
    const res = await client.request("POST", "/api/orgs", { name: "Platform Team" });
    expect(res.status).toBe(201);
    const { organization } = res.json as { organization: { id: string; slug: string } };
    expect(organization.slug).toMatch(/^platform-team/);
    const m = await prisma.membership.findFirstOrThrow({ where: { orgId: organization.id, userId: user.id } });
    expect(m.role).toBe("OWNER");
    expect(await prisma.auditEvent.count({ where: { orgId: organization.id, action: "organization.created" } })).toBe(1);
  });

  test("a requested slug that is taken is a 409", async () => {
    const user = await createUser();
    const client = await signedInClient(server.url, user);
    const first = await client.request("POST", "/api/orgs", { name: "Taken", slug: `taken-${user.id.slice(-6)}` });
    expect(first.status).toBe(201);
    const second = await client.request("POST", "/api/orgs", { name: "Taken again", slug: `taken-${user.id.slice(-6)}` });
    expect(second.status).toBe(409);
  });
});
