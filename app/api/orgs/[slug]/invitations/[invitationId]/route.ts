import { withOrg } from "@/lib/auth/with-org";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";

export const DELETE = withOrg<{ slug: string; invitationId: string }>(
  async ({ org, user, params }) => {
    return Response.json({ invitation: await revokeInvitation({ orgId: org.id, actorId: user.id, invitationId: params.invitationId }) });
  },
  { role: "OWNER" },
);
