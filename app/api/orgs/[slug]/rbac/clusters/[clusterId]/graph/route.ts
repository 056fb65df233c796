import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getRbacGraph } from "@/lib/server/rbac/get-rbac-graph";
import { ZGraphQuery } from "@/lib/server/rbac/rbac-request-schemas";

/** A bounded graph around one node (default: the riskiest subject); expand by asking again with another focus. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const query = parseSearchParams(new URL(req.url), ZGraphQuery);
  return Response.json(await getRbacGraph({ orgId: org.id, clusterId: params.clusterId, ...query }));
});
