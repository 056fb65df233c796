import { parseJsonBody } from "@/lib/api/parse-body";
import { publicBaseUrl } from "@/lib/api/public-url";
import { withOrg } from "@/lib/auth/with-org";
import { ZCreateInvitation } from "@/lib/zod/members";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { listInvitations } from "@/lib/server/invitations/list-invitations";

export const GET = withOrg(
  async ({ org }) => {
    return Response.json({ invitations: await listInvitations({ orgId: org.id }) });
  },
  { role: "OWNER" },
);

export const POST = withOrg(
  async ({ req, org, user }) => {
    const input = await parseJsonBody(req, ZCreateInvitation);
    const invitation = await createInvitation({ orgId: org.id, actorId: user.id, ...input, baseUrl: publicBaseUrl(req) });
    return Response.json({ invitation }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { role: "OWNER" },
);
