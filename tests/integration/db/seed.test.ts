import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migration/schema-migrations";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_ORGS, DEMO_USERS, SNAPSHOT_INTERVAL_HOURS } from "@/prisma/seed/demo-fleet";
import { databaseHasNoOrganizations, seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

// The demo gets its own database: other integration tests share the run's database and must
// not see demo organizations.
let database: TestDatabase;
let prisma: PrismaClient;
const now = new Date("2026-03-15T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

async function rowCounts() {
  return {
    users: await prisma.user.count(),
    organizations: await prisma.organization.count(),
    memberships: await prisma.membership.count(),
    clusters: await prisma.cluster.count(),
    agentTokens: await prisma.agentToken.count(),
    invitations: await prisma.invitation.count(),
    auditEvents: await prisma.auditEvent.count(),
    snapshots: await prisma.snapshot.count(),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await deployMigrations({ url: database.url });
  prisma = createPrismaClient({ url: database.url, poolSize: 2 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe("demo seed", () => {
  it("fills an empty database with the demo fleet", async () => {
    expect(await databaseHasNoOrganizations(prisma)).toBe(true);
    const result = await seedDemo(prisma, { now, password: "correct-horse-battery" });
    expect(result.created.organizations).toBe(DEMO_ORGS.length);
    expect(result.created.clusters).toBe(DEMO_ORGS.flatMap((o) => o.clusters).length);
    expect(result.logins[0]).toMatchObject({ email: DEMO_USERS.owner.email, password: "correct-horse-battery" });
    expect(await databaseHasNoOrganizations(prisma)).toBe(false);
  });

  it("creates demo users who can sign in with the printed password (bcrypt)", async () => {
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS.owner.email } });
    expect(await bcrypt.compare("correct-horse-battery", owner.passwordHash!)).toBe(true);
    expect(await bcrypt.compare("wrong-password-123", owner.passwordHash!)).toBe(false);

    const acme = await prisma.organization.findUniqueOrThrow({ where: { slug: "acme-corp" }, include: { memberships: { include: { user: true } } } });
    expect(acme.name).toBe("Acme Corp");
    const roles = Object.fromEntries(acme.memberships.map((m) => [m.user.email, m.role]));
    expect(roles).toEqual({ [DEMO_USERS.owner.email]: "OWNER", [DEMO_USERS.viewer.email]: "VIEWER" });
  });

  it("spreads clusters across providers with history, one of them stale", async () => {
    const acme = await prisma.organization.findUniqueOrThrow({ where: { slug: "acme-corp" } });
    const clusters = await prisma.cluster.findMany({ where: { orgId: acme.id } });
    expect(new Set(clusters.map((c) => c.provider))).toEqual(new Set(["eks", "aks", "gke", "on-prem", "kind"]));
    expect(clusters.every((c) => c.kubernetesVersion && c.region !== undefined && c.lastSeenAt)).toBe(true);

    const stale = clusters.filter((c) => now.getTime() - c.lastSeenAt!.getTime() > DAY_MS);
    expect(stale.map((c) => c.name)).toEqual(["dev-kind"]);

    for (const cluster of clusters) {
      const spec = DEMO_ORGS[0].clusters.find((c) => c.name === cluster.name)!;
      const snapshots = await prisma.snapshot.findMany({ where: { clusterId: cluster.id }, orderBy: { collectedAt: "asc" } });
      const reportingDays = spec.historyDays - (spec.offlineForDays ?? 0);
      expect(snapshots.length).toBeGreaterThanOrEqual(reportingDays * (24 / SNAPSHOT_INTERVAL_HOURS) - 1);
      expect(snapshots.length).toBeLessThanOrEqual(reportingDays * (24 / SNAPSHOT_INTERVAL_HOURS) + 1);
      expect(snapshots.every((s) => s.orgId === acme.id && s.objectCount > 20 && s.status === "complete")).toBe(true);
      expect(now.getTime() - snapshots[0].collectedAt.getTime()).toBeGreaterThan((spec.historyDays - 1) * DAY_MS);
    }
  });

  it("scores every snapshot with the engine, and the scores move as the clusters change", async () => {
    const cluster = await prisma.cluster.findFirstOrThrow({ where: { name: "prod-us-east-1" } });
    const snapshots = await prisma.snapshot.findMany({ where: { clusterId: cluster.id }, orderBy: { collectedAt: "asc" } });
    // Scores are content-addressed: every snapshot refers to its ControlScores row.
    const rows = await prisma.controlScores.findMany({ where: { orgId: cluster.orgId, hash: { in: snapshots.map((s) => s.controlScoresHash!) } } });
    const byHash = new Map(rows.map((r) => [r.hash, r]));
    expect(snapshots.every((s) => s.controlScoresHash && byHash.has(s.controlScoresHash))).toBe(true);
    const scoresOf = (s: (typeof snapshots)[number]) => byHash.get(s.controlScoresHash!)!;
    const all = snapshots.map((s) => (scoresOf(s).frameworkScores as Record<string, { score: number | null; riskScore: number; passed: number; failed: number }>).all);
    expect(all.every((score) => score && typeof score.riskScore === "number" && score.passed + score.failed > 0)).toBe(true);
    // The debug-toolbox incident, the hardening work and the new service each change the score.
    expect(new Set(all.map((s) => s.score)).size).toBeGreaterThan(1);
    expect(new Set(snapshots.map((s) => s.objectCount)).size).toBeGreaterThan(1);
    const severities = snapshots.map((s) => scoresOf(s).failedBySeverity as Record<string, number>);
    expect(severities.every((s) => ["critical", "high", "medium", "low"].every((k) => Number.isInteger(s[k])))).toBe(true);
  });

  it("stores agent tokens as SHA-256 hashes with a visible ssa_ prefix", async () => {
    const tokens = await prisma.agentToken.findMany();
    expect(tokens.length).toBeGreaterThanOrEqual(DEMO_ORGS.flatMap((o) => o.clusters).length);
    for (const token of tokens) {
      expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(token.prefix).toMatch(/^ssa_[0-9A-Za-z]{8}$/);
    }
    expect(tokens.some((t) => t.revokedAt)).toBe(true);
  });

  it("records an audit trail", async () => {
    const acme = await prisma.organization.findUniqueOrThrow({ where: { slug: "acme-corp" } });
    const actions = (await prisma.auditEvent.findMany({ where: { orgId: acme.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["organization.created", "cluster.registered", "agent_token.created", "agent_token.revoked"]));
  });

  it("is idempotent: running it again adds nothing", async () => {
    const before = await rowCounts();
    const result = await seedDemo(prisma, { now, password: "another-password-1" });
    expect(result.created).toEqual({ users: 0, organizations: 0, clusters: 0, agentTokens: 0, snapshots: 0, auditEvents: 0 });
    expect(await rowCounts()).toEqual(before);
    // A later run never replaces a password that is already set.
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS.owner.email } });
    expect(await bcrypt.compare("correct-horse-battery", owner.passwordHash!)).toBe(true);
  });

  it("continues the history of reporting clusters up to a later date, and only theirs", async () => {
    const later = new Date(now.getTime() + DAY_MS);
    const result = await seedDemo(prisma, { now: later });
    const reporting = DEMO_ORGS.flatMap((o) => o.clusters).filter((c) => c.offlineForDays === undefined);
    expect(result.created.snapshots).toBe(reporting.length * (24 / SNAPSHOT_INTERVAL_HOURS));
    const kind = await prisma.cluster.findFirstOrThrow({ where: { name: "dev-kind" } });
    const latestKind = await prisma.snapshot.findFirstOrThrow({ where: { clusterId: kind.id }, orderBy: { collectedAt: "desc" } });
    expect(later.getTime() - latestKind.collectedAt.getTime()).toBeGreaterThan(4 * DAY_MS);
  });
});
