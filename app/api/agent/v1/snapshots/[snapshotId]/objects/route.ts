import { withAgentToken } from "@/lib/auth/with-agent-token";
import { MAX_CHUNK_BYTES, MAX_CHUNK_DECOMPRESSED_BYTES, ZObjectChunk } from "@/lib/snapshot/protocol";
import { enforceAgentRateLimit } from "@/lib/server/snapshots/agent-rate-limit";
import { readAgentBody } from "@/lib/server/snapshots/read-agent-body";
import { storeObjectBodies } from "@/lib/server/snapshots/store-object-bodies";

/** Step 2 of a push: one gzip chunk of object bodies the server asked for. */
export const PUT = withAgentToken<{ snapshotId: string }>(async ({ req, params, agent }) => {
  enforceAgentRateLimit(agent.tokenId);
  const chunk = await readAgentBody(req, ZObjectChunk, { maxBytes: MAX_CHUNK_BYTES, maxDecompressedBytes: MAX_CHUNK_DECOMPRESSED_BYTES });
  return Response.json(await storeObjectBodies({ agent, snapshotId: params.snapshotId, chunk }));
});
