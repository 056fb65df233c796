import { parseJsonBody } from "@/lib/api/parse-body";
import { withUser } from "@/lib/auth/with-org";
import { ZAcceptInvitation } from "@/lib/zod/members";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";

export const POST = withUser(async ({ req, user }) => {
  const { token } = await parseJsonBody(req, ZAcceptInvitation);
  const accepted = await acceptInvitation({ token, userId: user.id });
  return Response.json(accepted);
});
