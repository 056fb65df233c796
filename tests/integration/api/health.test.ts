// Health reporting and the 500 path: a database outage is reported by /api/health and turns
// other requests into a logged 500 that reveals nothing about the cause.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startAppServer, type AppServer } from "../../support/app-server";
import { createOrg, createUser, databaseUrl, expectErrorShape, prisma, signedInClient } from "./support/world";

// Both servers share a secret, so a session issued by the healthy one is valid on the other.
const AUTH_SECRET = randomBytes(32).toString("base64url");
let up: AppServer;
let down: AppServer;

beforeAll(async () => {
  up = await startAppServer({ databaseUrl: databaseUrl(), env: { AUTH_SECRET } });
  // Nothing listens on port 1: every connection attempt is refused at once.
  down = await startAppServer({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none", env: { AUTH_SECRET }, acceptUnhealthy: true });
});

afterAll(async () => {
  await up?.stop();
  await down?.stop();
  await prisma.$disconnect();
});

test("GET /api/health reports a reachable database", async () => {
  const res = await fetch(`${up.url}/api/health`);
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toContain("no-store");
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("GET /api/health answers 503 with database: error when the database is unreachable", async () => {
  const res = await fetch(`${down.url}/api/health`);
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ status: "degraded", database: "error" });
});

test("an unexpected failure is a logged 500 in the error shape that reveals nothing", async () => {
  const user = await createUser();
  const org = await createOrg(user.id);
  // A session issued by the healthy server, replayed against the one whose database is down.
  const client = (await signedInClient(up.url, user)).withBaseUrl(down.url);
  const res = await client.get(`/api/orgs/${org.slug}/clusters`);
  expect(res.status).toBe(500);
  const error = expectErrorShape(res);
  expect(error.code).toBe("internal_error");
  expect(res.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|prisma|postgres|stack|at .*\.js/i);
  // …while the server log has the real cause.
  expect(readFileSync(down.logFile, "utf8")).toMatch(/\[api\] unexpected error in GET \/api\/orgs\//);
});
