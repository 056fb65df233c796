import { withAgentToken } from "@/lib/auth/with-agent-token";
import { ZSnapshotManifest } from "@/lib/snapshot/protocol";
import { enforceAgentRateLimit } from "@/lib/server/snapshots/agent-rate-limit";
import { readAgentBody } from "@/lib/server/snapshots/read-agent-body";
import { MANIFEST_LIMITS, receiveManifest } from "@/lib/server/snapshots/receive-manifest";

/** Step 1 of a push: the manifest (gzip JSON) → { snapshotId, missing, maxChunkBytes }. */
export const POST = withAgentToken(async ({ req, agent }) => {
  enforceAgentRateLimit(agent.tokenId);
  const manifest = await readAgentBody(req, ZSnapshotManifest, MANIFEST_LIMITS);
  const { snapshotId, missing, maxChunkBytes } = await receiveManifest({ agent, manifest });
  return Response.json({ snapshotId, missing, maxChunkBytes });
});
