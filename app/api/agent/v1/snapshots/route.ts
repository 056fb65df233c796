import { withAgentToken } from "@/lib/auth/with-agent-token";
import { ZSnapshotManifest } from "@/lib/snapshot/protocol";
import { enforceAgentRateLimit } from "@/lib/server/snapshots/agent-rate-limit";
import { readAgentBody } from "@/lib/server/snapshots/read-agent-body";
import { MANIFEST_LIMITS, receiveManifest } from "@/lib/server/snapshots/receive-manifest";

/**
 * Step 1 of a push: the manifest (gzip JSON) → { snapshotId, missing, maxChunkBytes }, or
 * { needManifest: true } when a digest-only manifest does not match the object list held.
 */
export const POST = withAgentToken(async ({ req, agent }) => {
  enforceAgentRateLimit(agent.tokenId);
  const manifest = await readAgentBody(req, ZSnapshotManifest, MANIFEST_LIMITS);
  const answer = await receiveManifest({ agent, manifest });
  if ("needManifest" in answer) return Response.json({ needManifest: true });
  const { snapshotId, missing, maxChunkBytes } = answer;
  return Response.json({ snapshotId, missing, maxChunkBytes });
});
