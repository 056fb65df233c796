import { withOrg } from "@/lib/auth/with-org";
import { listMembers } from "@/lib/server/members/list-members";

export const GET = withOrg(async ({ org }) => {
  return Response.json({ members: await listMembers({ orgId: org.id }) });
});
