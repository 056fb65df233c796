import { withOrg } from "@/lib/auth/with-org";
import { getFleetRbacOverview } from "@/lib/server/rbac/get-fleet-rbac-overview";

/** Every cluster's RBAC risk totals, and which clusters have no RBAC data yet. */
export const GET = withOrg(async ({ org }) => {
  return Response.json(await getFleetRbacOverview({ orgId: org.id }));
});
