// Writes the demo fleet. Idempotent: existing rows are found by their natural keys (email, org
// slug, cluster name, token name) and kept; snapshot history is only ever appended, continuing
// each cluster's timeline up to now, so re-running (every `npm start`) never duplicates.
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { generateAgentToken, hashToken } from "@/lib/auth/agent-tokens";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { activeChanges, clusterTimeline } from "./cluster-timeline";
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_ORGS,
  DEMO_PASSWORD_ENV,
  DEMO_USERS,
  SNAPSHOT_INTERVAL_HOURS,
  kubernetesVersionOn,
  type DemoClusterSpec,
  type DemoOrgSpec,
} from "./demo-fleet";
import { DeterministicRandom, stableUid } from "./deterministic-random";
import { scoreObjects, type SnapshotScores } from "./score-snapshot";
import { buildClusterObjects } from "./synthetic-objects";
import { seedDashboardDemo } from "./dashboard-demo";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const SNAPSHOT_INTERVAL_MS = SNAPSHOT_INTERVAL_HOURS * HOUR_MS;
const INSERT_BATCH = 500;
// Same cost as sign-up (lib/auth/password.ts), so the demo account behaves like any other.
const DEMO_BCRYPT_COST = 12;

export interface SeedDemoOptions {
  now?: Date;
  /** Defaults to $SHIPSHAPE_DEMO_PASSWORD, then "shipshape-demo". Applied only to new users. */
  password?: string;
  bcryptCost?: number;
  log?: (message: string) => void;
}

export interface SeedDemoResult {
  logins: { email: string; password: string; role: string }[];
  created: { users: number; organizations: number; clusters: number; agentTokens: number; snapshots: number; auditEvents: number };
}

/** True when no organization exists yet: a fresh install that gets the demo. */
export async function databaseHasNoOrganizations(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organization.count()) === 0;
}

export async function seedDemo(prisma: PrismaClient, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  const password = options.password ?? process.env[DEMO_PASSWORD_ENV] ?? DEFAULT_DEMO_PASSWORD;
  if (password.length < 10) throw new Error("the demo password must have at least 10 characters");
  const log = options.log ?? (() => {});
  const created: SeedDemoResult["created"] = { users: 0, organizations: 0, clusters: 0, agentTokens: 0, snapshots: 0, auditEvents: 0 };

  let passwordHash: Promise<string> | undefined;
  const hashOnce = () => (passwordHash ??= bcrypt.hash(password, options.bcryptCost ?? DEMO_BCRYPT_COST));
  const owner = await ensureUser(prisma, DEMO_USERS.owner, hashOnce, created);
  const viewer = await ensureUser(prisma, DEMO_USERS.viewer, hashOnce, created);

  for (const [index, orgSpec] of DEMO_ORGS.entries()) {
    const org = await ensureOrganization(prisma, orgSpec, now, created);
    await ensureMembership(prisma, org.id, owner.id, "OWNER");
    // The viewer belongs to the main demo organization only, to show role-restricted views.
    if (index === 0) await ensureMembership(prisma, org.id, viewer.id, "VIEWER");

    for (const spec of orgSpec.clusters) {
      const cluster = await ensureCluster(prisma, org.id, spec, now, created);
      await ensureAgentToken(prisma, { orgId: org.id, clusterId: cluster.id, name: `${spec.name} agent`, createdById: owner.id, createdAt: cluster.createdAt }, created);
      const added = await appendSnapshotHistory(prisma, org.id, cluster, spec, now);
      created.snapshots += added;
      if (added) log(`${orgSpec.slug}/${spec.name}: ${added} snapshot(s) added`);
    }
    await ensureOrgTokensAndInvitation(prisma, org, owner.id, now, created);
    created.auditEvents += await ensureAuditTrail(prisma, org, orgSpec, owner.id, viewer.id, index === 0);
  }

  await seedDashboardDemo(prisma, { ownerId: owner.id, log });
  return {
    logins: [
      { email: DEMO_USERS.owner.email, password, role: "OWNER" },
      { email: DEMO_USERS.viewer.email, password, role: "VIEWER (Acme Corp)" },
    ],
    created,
  };
}

async function ensureUser(
  prisma: PrismaClient,
  user: { email: string; name: string },
  passwordHash: () => Promise<string>,
  created: SeedDemoResult["created"],
) {
  const existing = await prisma.user.findUnique({ where: { email: user.email } });
  if (existing) {
    // Never overwrite a password someone set; only give a password-less demo user one.
    if (!existing.passwordHash) return prisma.user.update({ where: { id: existing.id }, data: { passwordHash: await passwordHash() } });
    return existing;
  }
  created.users++;
  return prisma.user.create({ data: { email: user.email, name: user.name, passwordHash: await passwordHash() } });
}

async function ensureOrganization(prisma: PrismaClient, spec: DemoOrgSpec, now: Date, created: SeedDemoResult["created"]) {
  const existing = await prisma.organization.findUnique({ where: { slug: spec.slug } });
  if (existing) return existing;
  created.organizations++;
  const longestHistory = Math.max(...spec.clusters.map((c) => c.historyDays));
  return prisma.organization.create({
    data: { name: spec.name, slug: spec.slug, createdAt: new Date(startOfHour(now).getTime() - (longestHistory + 1) * DAY_MS) },
  });
}

async function ensureMembership(prisma: PrismaClient, orgId: string, userId: string, role: "OWNER" | "VIEWER") {
  await prisma.membership.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: { orgId, userId, role },
    update: {},
  });
}

function startOfHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

async function ensureCluster(prisma: PrismaClient, orgId: string, spec: DemoClusterSpec, now: Date, created: SeedDemoResult["created"]) {
  const existing = await prisma.cluster.findUnique({ where: { orgId_name: { orgId, name: spec.name } } });
  if (existing) return existing;
  created.clusters++;
  return prisma.cluster.create({
    data: {
      orgId,
      name: spec.name,
      clusterUid: stableUid(spec.name, "Namespace", "kube-system"),
      provider: spec.provider,
      environment: spec.environment,
      region: spec.region,
      nodeCount: spec.nodeCount,
      agentVersion: spec.agentVersion,
      labels: spec.labels,
      // createdAt anchors the cluster's timeline: history day N is createdAt + N days.
      createdAt: new Date(startOfHour(now).getTime() - spec.historyDays * DAY_MS),
    },
  });
}

async function ensureAgentToken(
  prisma: PrismaClient,
  token: { orgId: string; clusterId: string | null; name: string; createdById: string; createdAt: Date; revokedAt?: Date; lastUsedAt?: Date },
  created: SeedDemoResult["created"],
) {
  const existing = await prisma.agentToken.findFirst({ where: { orgId: token.orgId, name: token.name }, select: { id: true } });
  if (existing) return;
  // The demo never shows these secrets: they exist so the tokens page lists realistic rows.
  const { tokenHash, prefix } = generateAgentToken();
  await prisma.agentToken.create({ data: { ...token, tokenHash, prefix } });
  created.agentTokens++;
}

/** Snapshot times for a cluster: every six hours from its anchor, with a few minutes of jitter. */
function snapshotSlots(anchor: Date, until: Date, clusterName: string): Date[] {
  const slots: Date[] = [];
  for (let k = 0; ; k++) {
    const jitterMs = new DeterministicRandom(`${clusterName}#${k}`).int(1, 19) * 60_000;
    const at = new Date(anchor.getTime() + k * SNAPSHOT_INTERVAL_MS + jitterMs);
    if (at > until) break;
    slots.push(at);
  }
  return slots;
}

function reportingEndsAt(spec: DemoClusterSpec, anchor: Date, now: Date): Date {
  if (spec.offlineForDays === undefined) return now;
  // Fixed relative to the anchor, so the agent stays silent however often the seed runs again.
  return new Date(Math.min(now.getTime(), anchor.getTime() + (spec.historyDays - spec.offlineForDays) * DAY_MS));
}

async function appendSnapshotHistory(
  prisma: PrismaClient,
  orgId: string,
  cluster: { id: string; createdAt: Date },
  spec: DemoClusterSpec,
  now: Date,
): Promise<number> {
  const anchor = cluster.createdAt;
  const latest = await prisma.snapshot.findFirst({
    where: { orgId, clusterId: cluster.id },
    orderBy: { collectedAt: "desc" },
    select: { collectedAt: true },
  });
  const until = reportingEndsAt(spec, anchor, now);
  const slots = snapshotSlots(anchor, until, spec.name).filter((at) => !latest || at > latest.collectedAt);

  const timeline = clusterTimeline(spec);
  const scoresByState = new Map<string, SnapshotScores>();
  const collectionErrors = (spec.forbiddenResources ?? []).map((resource) => ({
    resource,
    reason: "forbidden",
    message: `the agent's ClusterRole may not list ${resource}`,
  }));

  const rows = slots.map((collectedAt) => {
    const day = Math.floor((collectedAt.getTime() - anchor.getTime()) / DAY_MS);
    const changes = activeChanges(timeline, day);
    const version = kubernetesVersionOn(spec, day);
    const state = `${version}|${[...changes].sort().join(",")}`;
    let scores = scoresByState.get(state);
    if (!scores) {
      const objects = buildClusterObjects(spec, changes, version);
      scores = scoreObjects(objects, { name: spec.name, provider: spec.provider, kubernetesVersion: version }, collectedAt);
      scoresByState.set(state, scores);
    }
    return {
      orgId,
      clusterId: cluster.id,
      status: "complete",
      collectedAt,
      createdAt: new Date(collectedAt.getTime() + 20_000),
      agentVersion: spec.agentVersion,
      engineVersion: scores.engineVersion,
      objectCount: scores.objectCount,
      collectionErrors,
      controlScoresHash: scores.controlScoresHash,
    };
  });
  // Each distinct state's scores once (content-addressed, like the pipeline's), before the snapshots that refer to them.
  await prisma.controlScores.createMany({
    data: [...scoresByState.values()].map((s) => ({
      orgId,
      hash: s.controlScoresHash,
      counts: s.scores.controlCounts,
      frameworkScores: s.scores.frameworkScores,
      failedBySeverity: s.scores.failedBySeverity,
    })),
    skipDuplicates: true,
  });
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await prisma.snapshot.createMany({ data: rows.slice(i, i + INSERT_BATCH) });
  }

  const lastCollected = rows.at(-1)?.collectedAt ?? latest?.collectedAt ?? null;
  const online = spec.offlineForDays === undefined;
  const lastDay = lastCollected ? Math.floor((lastCollected.getTime() - anchor.getTime()) / DAY_MS) : 0;
  await prisma.cluster.update({
    where: { id: cluster.id },
    data: {
      kubernetesVersion: kubernetesVersionOn(spec, lastDay),
      // Agents check in every few minutes between snapshots; an offline one stopped with its last push.
      lastSeenAt: online ? new Date(now.getTime() - new DeterministicRandom(`${spec.name}@${now.getTime()}`).int(1, 9) * 60_000) : lastCollected,
    },
  });
  await prisma.agentToken.updateMany({
    where: { orgId, clusterId: cluster.id, revokedAt: null },
    data: { lastUsedAt: lastCollected },
  });
  return rows.length;
}

async function ensureOrgTokensAndInvitation(
  prisma: PrismaClient,
  org: { id: string; slug: string; createdAt: Date },
  ownerId: string,
  now: Date,
  created: SeedDemoResult["created"],
) {
  await ensureAgentToken(
    prisma,
    { orgId: org.id, clusterId: null, name: "CI manifest scans", createdById: ownerId, createdAt: new Date(org.createdAt.getTime() + 3 * DAY_MS), lastUsedAt: new Date(now.getTime() - 2 * HOUR_MS) },
    created,
  );
  await ensureAgentToken(
    prisma,
    {
      orgId: org.id,
      clusterId: null,
      name: "laptop test (revoked)",
      createdById: ownerId,
      createdAt: new Date(org.createdAt.getTime() + 1 * DAY_MS),
      revokedAt: new Date(org.createdAt.getTime() + 2 * DAY_MS),
    },
    created,
  );
  if ((await prisma.invitation.count({ where: { orgId: org.id } })) === 0) {
    // Only the hash is stored; nobody will ever open this demo link.
    const tokenHash = hashToken(randomBytes(32).toString("base64url"));
    await prisma.invitation.create({
      data: {
        orgId: org.id,
        email: `sre-oncall@${org.slug}.example`,
        role: "ADMIN",
        tokenHash,
        createdById: ownerId,
        createdAt: new Date(now.getTime() - DAY_MS),
        expiresAt: new Date(now.getTime() + 6 * DAY_MS),
      },
    });
  }
}

async function ensureAuditTrail(
  prisma: PrismaClient,
  org: { id: string; createdAt: Date },
  spec: DemoOrgSpec,
  ownerId: string,
  viewerId: string,
  hasViewer: boolean,
): Promise<number> {
  if ((await prisma.auditEvent.count({ where: { orgId: org.id } })) > 0) return 0;
  const clusters = await prisma.cluster.findMany({ where: { orgId: org.id }, select: { id: true, name: true, provider: true, environment: true, createdAt: true } });
  const tokens = await prisma.agentToken.findMany({ where: { orgId: org.id }, select: { id: true, name: true, prefix: true, clusterId: true, createdAt: true, revokedAt: true } });
  const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

  const events: { orgId: string; actorId: string | null; actorType: string; action: string; targetType: string; targetId: string; data: object; createdAt: Date }[] = [
    { orgId: org.id, actorId: ownerId, actorType: "user", action: "organization.created", targetType: "organization", targetId: org.id, data: { name: spec.name }, createdAt: org.createdAt },
  ];
  for (const c of clusters) {
    events.push({ orgId: org.id, actorId: ownerId, actorType: "user", action: "cluster.registered", targetType: "cluster", targetId: c.id, data: { name: c.name, provider: c.provider, environment: c.environment }, createdAt: at(c.createdAt, -30) });
  }
  for (const t of tokens) {
    events.push({ orgId: org.id, actorId: ownerId, actorType: "user", action: "agent_token.created", targetType: "agent_token", targetId: t.id, data: { name: t.name, prefix: t.prefix, clusterId: t.clusterId }, createdAt: at(t.createdAt, -25) });
    if (t.revokedAt) {
      events.push({ orgId: org.id, actorId: ownerId, actorType: "user", action: "agent_token.revoked", targetType: "agent_token", targetId: t.id, data: { name: t.name, prefix: t.prefix }, createdAt: t.revokedAt });
    }
  }
  if (hasViewer) {
    events.push(
      { orgId: org.id, actorId: ownerId, actorType: "user", action: "invitation.created", targetType: "invitation", targetId: stableUid(org.id, "viewer-invite"), data: { email: DEMO_USERS.viewer.email, role: "VIEWER" }, createdAt: at(org.createdAt, 60 * 26) },
      { orgId: org.id, actorId: viewerId, actorType: "user", action: "invitation.accepted", targetType: "membership", targetId: viewerId, data: { email: DEMO_USERS.viewer.email, role: "VIEWER" }, createdAt: at(org.createdAt, 60 * 29) },
    );
  }
  await prisma.auditEvent.createMany({ data: events });
  return events.length;
}
