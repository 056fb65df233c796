import { parseJsonBody } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZChangeMemberRole } from "@/lib/zod/members";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";

export const PATCH = withOrg<{ slug: string; membershipId: string }>(
  async ({ req, org, user, params }) => {
    const { role } = await parseJsonBody(req, ZChangeMemberRole);
    return Response.json({ member: await changeMemberRole({ orgId: org.id, actorId: user.id, membershipId: params.membershipId, role }) });
  },
  { role: "OWNER" },
);

export const DELETE = withOrg<{ slug: string; membershipId: string }>(
  async ({ org, user, params }) => {
    return Response.json({ member: await removeMember({ orgId: org.id, actorId: user.id, membershipId: params.membershipId }) });
  },
  { role: "OWNER" },
);
