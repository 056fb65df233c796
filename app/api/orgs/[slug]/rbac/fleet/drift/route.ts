import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getFleetRbacDrift } from "@/lib/server/rbac/get-fleet-rbac-drift";
import { ZDriftQuery } from "@/lib/server/rbac/rbac-request-schemas";

/** New and widened risky grants across the fleet since a time (default: a week ago). */
export const GET = withOrg(async ({ req, org }) => {
  const { since } = parseSearchParams(new URL(req.url), ZDriftQuery);
  return Response.json(await getFleetRbacDrift({ orgId: org.id, since }));
});
