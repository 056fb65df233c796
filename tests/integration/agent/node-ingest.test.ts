// Node mode end to end against the real backend: `shipshape node --once` on a node's filesystem →
// the production /api/agent/v1/node-facts handler (served by AgentRouteHost) → PostgreSQL. The
// latest NodeInfo per node is stored once, key material never reaches the database, and a node of a
// cluster that has not pushed a snapshot yet is told so.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runNodeCommand } from "@/agent/src/commands/node";
import { EXIT_OK, EXIT_RUNTIME } from "@/agent/src/errors";
import { createOrgWithAgent, prisma, unique, type TestOrg } from "../pipeline/support/pipeline-world";
import { AgentRouteHost } from "../ingest/support/agent-route-host";
import { buildHostTree, CANARY, hardenedControlPlaneNode, removeHostTree } from "../../unit/agent/support/host-tree";

let world: TestOrg;
let host: AgentRouteHost;
let server: string;
let hostRoot: string;
const clusterUid = `kube-system-${unique("uid")}`;

beforeAll(async () => {
  world = await createOrgWithAgent();
  host = new AgentRouteHost();
  server = await host.start();
  hostRoot = buildHostTree(hardenedControlPlaneNode());
});

afterAll(async () => {
  await host?.stop();
  if (hostRoot) removeHostTree(hostRoot);
});

const run = () => runNodeCommand({ hostRoot, server, token: world.token, clusterUid, interval: "3600", once: true, timeout: "20" });

describe("shipshape node → node-facts route → database", () => {
  test("before the cluster's first snapshot the server has nowhere to put the facts: not found, nothing stored", async () => {
    expect(await run()).toBe(EXIT_RUNTIME);
    expect(host.requests.at(-1)).toMatchObject({ path: "/api/agent/v1/node-facts", status: 404 });
    expect(await prisma.nodeFacts.count({ where: { orgId: world.org.id } })).toBe(0);
  });

  test("stores the node's NodeInfo for its cluster, once, without key material", async () => {
    const cluster = await prisma.cluster.create({ data: { orgId: world.org.id, name: unique("cluster"), clusterUid }, select: { id: true } });
    expect(await run()).toBe(EXIT_OK);
    const rows = await prisma.nodeFacts.findMany({ where: { orgId: world.org.id } });
    expect(rows.map((r) => [r.clusterId, r.nodeName])).toEqual([[cluster.id, "cp-1"]]);
    const stored = JSON.stringify(rows[0].body);
    expect(JSON.parse(stored)).toMatchObject({ kind: "NodeInfo", spec: { nodeName: "cp-1", source: "shipshape-agent", roles: ["control-plane"] } });
    for (const canary of Object.values(CANARY)) expect(stored).not.toContain(canary);

    // Unchanged facts pushed again: the same row, same content hash.
    expect(await run()).toBe(EXIT_OK);
    const again = await prisma.nodeFacts.findMany({ where: { orgId: world.org.id } });
    expect(again).toHaveLength(1);
    expect(again[0].hash).toBe(rows[0].hash);
  });
});
