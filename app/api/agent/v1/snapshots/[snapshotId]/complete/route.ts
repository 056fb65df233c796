import { withAgentToken } from "@/lib/auth/with-agent-token";
import { enforceAgentRateLimit } from "@/lib/server/snapshots/agent-rate-limit";
import { completeSnapshot } from "@/lib/server/snapshots/complete-snapshot";

/** Step 3 of a push: every body is uploaded → the snapshot is queued for evaluation. */
export const POST = withAgentToken<{ snapshotId: string }>(async ({ params, agent }) => {
  enforceAgentRateLimit(agent.tokenId);
  return Response.json(await completeSnapshot({ agent, snapshotId: params.snapshotId }));
});
