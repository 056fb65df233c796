// The real agent route handlers (through tests' AgentRouteHost) on a fresh database, in their own
// process. Prints the URL and an organization-wide agent token, then serves until killed.
async function main() {
  const { prisma } = await import("../../lib/db/client");
  const { generateAgentToken } = await import("../../lib/auth/agent-tokens");
  const { AgentRouteHost } = await import("../../tests/integration/ingest/support/agent-route-host");
  const org = await prisma.organization.create({ data: { name: "bench-agent", slug: `bench-agent-${Date.now()}` } });
  const { token, tokenHash, prefix } = generateAgentToken();
  await prisma.agentToken.create({ data: { orgId: org.id, name: "bench", tokenHash, prefix } });
  const { startWorker } = await import("../../lib/server/pipeline/start-worker");
  const host = new AgentRouteHost();
  const url = await host.start();
  // As in production (`npm start` runs one): snapshots are evaluated, which sets the cluster state
  // that an unchanged re-push is compared with.
  await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, log: () => {} });
  process.stdout.write(`${JSON.stringify({ url, token })}\n`);
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
