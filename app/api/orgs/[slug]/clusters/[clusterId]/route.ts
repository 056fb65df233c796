import { withOrg } from "@/lib/auth/with-org";
import { getCluster } from "@/lib/server/clusters/get-cluster";

export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ org, params }) => {
  return Response.json({ cluster: await getCluster({ orgId: org.id, clusterId: params.clusterId }) });
});
