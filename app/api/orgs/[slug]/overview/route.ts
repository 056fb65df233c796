import { withOrg } from "@/lib/auth/with-org";
import { getFleetOverview } from "@/lib/server/clusters/get-fleet-overview";

export const GET = withOrg(async ({ org }) => {
  return Response.json(await getFleetOverview({ orgId: org.id }));
});
