// Malformed bodies, wrong types, unknown fields, wrong media types and oversized bodies get a 4xx
// in the one error shape, and never reach the database.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppServer, type AppServer } from "../../support/app-server";
import { ApiClient, createCluster, createOrg, createUser, databaseUrl, expectErrorShape, prisma, signedInClient } from "./support/world";

let server: AppServer;
let owner: ApiClient;
let slug: string;
let orgId: string;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
  const user = await createUser();
  const org = await createOrg(user.id);
  slug = org.slug;
  orgId = org.id;
  await createCluster(org.id, "existing-cluster");
  owner = await signedInClient(server.url, user);
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

const clusterCount = () => prisma.cluster.count({ where: { orgId } });

// [description, method, path (with :slug), body (string = sent raw), expected status, expected code]
const CASES: [string, string, string, unknown, number, string][] = [
  ["malformed JSON", "POST", "/api/orgs/:slug/clusters", '{"name": "x",', 400, "invalid_json"],
  ["empty body", "POST", "/api/orgs/:slug/clusters", "", 400, "invalid_json"],
  ["JSON array instead of object", "POST", "/api/orgs/:slug/clusters", "[]", 400, "validation_failed"],
  ["JSON null", "POST", "/api/orgs/:slug/tokens", "null", 400, "validation_failed"],
  ["wrong type: name is a number", "POST", "/api/orgs/:slug/clusters", { name: 42, provider: "eks", environment: "production" }, 400, "validation_failed"],
  ["wrong type: labels is a string", "POST", "/api/orgs/:slug/clusters", { name: "ok-name", provider: "eks", environment: "production", labels: "team=a" }, 400, "validation_failed"],
  ["unknown enum value", "POST", "/api/orgs/:slug/clusters", { name: "ok-name", provider: "mainframe", environment: "production" }, 400, "validation_failed"],
  ["unknown field", "POST", "/api/orgs/:slug/clusters", { name: "ok-name", provider: "eks", environment: "production", orgId: "someone-else" }, 400, "validation_failed"],
  ["missing required field", "POST", "/api/orgs/:slug/clusters", { provider: "eks", environment: "production" }, 400, "validation_failed"],
  ["invalid cluster name", "POST", "/api/orgs/:slug/clusters", { name: "Bad Name!", provider: "eks", environment: "production" }, 400, "validation_failed"],
  ["unknown field on token", "POST", "/api/orgs/:slug/tokens", { name: "t", scopes: ["admin"] }, 400, "validation_failed"],
  ["wrong type: expiresInDays as string", "POST", "/api/orgs/:slug/tokens", { name: "t", expiresInDays: "30" }, 400, "validation_failed"],
  ["token for a cluster id that does not exist", "POST", "/api/orgs/:slug/tokens", { name: "t", clusterId: "nope" }, 404, "not_found"],
  ["unknown role", "PATCH", "/api/orgs/:slug/members/whatever", { role: "SUPERUSER" }, 400, "validation_failed"],
  ["unknown field on invitation", "POST", "/api/orgs/:slug/invitations", { role: "VIEWER", isOwner: true }, 400, "validation_failed"],
  ["invalid invitation email", "POST", "/api/orgs/:slug/invitations", { role: "VIEWER", email: "not-an-email" }, 400, "validation_failed"],
  ["unknown field on organization", "POST", "/api/orgs", { name: "New Org", plan: "enterprise" }, 400, "validation_failed"],
  ["invalid slug", "POST", "/api/orgs", { name: "New Org", slug: "-bad-" }, 400, "validation_failed"],
  ["invitation token too short", "POST", "/api/invitations/accept", { token: "abc" }, 400, "validation_failed"],
  ["unknown query parameter", "GET", "/api/orgs/:slug/audit-events?since=yesterday", undefined, 400, "validation_failed"],
  ["query parameter of the wrong type", "GET", "/api/orgs/:slug/audit-events?limit=many", undefined, 400, "validation_failed"],
  ["audit cursor from nowhere", "GET", "/api/orgs/:slug/audit-events?cursor=not-an-event", undefined, 400, "validation_failed"],
];

describe("bad input is a 4xx in the error shape", () => {
  test.each(CASES)("%s → %i", async (_name, method, path, body, status, code) => {
    const before = await clusterCount();
    const res = await owner.request(method, path.replace(":slug", slug), body);
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(expectErrorShape(res).code).toBe(code);
    expect(await clusterCount()).toBe(before);
  });

  test("validation messages name the offending field", async () => {
    const res = await owner.request("POST", `/api/orgs/${slug}/clusters`, { name: "ok-name", provider: "eks", environment: "production", surprise: 1 });
    expect(expectErrorShape(res).message).toMatch(/surprise/);
  });

  test("a body that is not JSON-typed is refused with 415", async () => {
    const res = await owner.request("POST", `/api/orgs/${slug}/tokens`, "name=t", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    expect(expectErrorShape(res).code).toBe("unsupported_media_type");
  });

  test("an oversized body is refused with 413 before parsing", async () => {
    const res = await owner.request("POST", `/api/orgs/${slug}/clusters`, JSON.stringify({ name: "big", provider: "eks", environment: "production", region: "x".repeat(200_000) }));
    expect(res.status).toBe(413);
    expect(expectErrorShape(res).code).toBe("payload_too_large");
  });

  test("a duplicate cluster name is a 409 conflict", async () => {
    const res = await owner.request("POST", `/api/orgs/${slug}/clusters`, { name: "existing-cluster", provider: "eks", environment: "production" });
    expect(res.status).toBe(409);
    expect(expectErrorShape(res).code).toBe("conflict");
  });

  test("a cross-site form post is refused even with a valid session", async () => {
    const res = await owner.request("POST", `/api/orgs/${slug}/tokens`, { name: "csrf" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(expectErrorShape(res).code).toBe("forbidden");
    expect(await prisma.agentToken.count({ where: { orgId, name: "csrf" } })).toBe(0);
  });
});

describe("unknown routes and methods", () => {
  test("an unknown API path is a JSON 404", async () => {
    const res = await owner.get("/api/does-not-exist/at-all");
    expect(res.status).toBe(404);
    expect(expectErrorShape(res).code).toBe("not_found");
  });

  test("a method a route does not export is a 405", async () => {
    const res = await owner.request("PUT", `/api/orgs/${slug}/clusters`, { name: "x" });
    expect(res.status).toBe(405);
  });
});
