import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZFrameworkId } from "@/lib/server/dashboard/fleet-filters";
import { getClusterControls } from "@/lib/server/dashboard/get-cluster-controls";
import { z } from "zod";

const ZQuery = z.object({ framework: ZFrameworkId.optional() }).strict();

/** The cluster's controls in its latest evaluation (status, resources, failing since), for a framework. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const { framework } = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await getClusterControls({ orgId: org.id, clusterId: params.clusterId, framework }));
});
