import { withAgentToken } from "@/lib/auth/with-agent-token";
import { enforceAgentRateLimit } from "@/lib/server/snapshots/agent-rate-limit";
import { readAgentBody } from "@/lib/server/snapshots/read-agent-body";
import { NODE_FACTS_LIMITS, storeNodeFacts, ZNodeFactsUpload } from "@/lib/server/snapshots/store-node-facts";

/** Node mode: one node's NodeInfo (gzip JSON `{ nodeInfo }`), used by the cluster's next evaluation. */
export const POST = withAgentToken(async ({ req, agent }) => {
  enforceAgentRateLimit(agent.tokenId);
  const upload = await readAgentBody(req, ZNodeFactsUpload, NODE_FACTS_LIMITS);
  return Response.json(await storeNodeFacts({ agent, upload }));
});
