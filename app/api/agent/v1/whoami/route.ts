import { withAgentToken } from "@/lib/auth/with-agent-token";

/** Lets an agent check its token and learn which organization (and cluster) it reports for. */
export const GET = withAgentToken(async ({ agent }) => {
  return Response.json({
    organization: agent.org,
    cluster: agent.cluster,
    token: { id: agent.tokenId, name: agent.tokenName, prefix: agent.tokenPrefix },
  });
});
