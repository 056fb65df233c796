import { withOrg } from "@/lib/auth/with-org";
import { getRbacSummary } from "@/lib/server/rbac/get-rbac-summary";

/** Counts, risk totals and the riskiest subjects of the cluster's latest RBAC state. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ org, params }) => {
  return Response.json(await getRbacSummary({ orgId: org.id, clusterId: params.clusterId }));
});
