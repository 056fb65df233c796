import { withOrg } from "@/lib/auth/with-org";
import { revokeAgentToken } from "@/lib/server/tokens/revoke-agent-token";

/** Revokes the token (kept for the audit trail, refused from the agent's next request). */
export const DELETE = withOrg<{ slug: string; tokenId: string }>(
  async ({ org, user, params }) => {
    return Response.json({ token: await revokeAgentToken({ orgId: org.id, actorId: user.id, tokenId: params.tokenId }) });
  },
  { role: "ADMIN" },
);
