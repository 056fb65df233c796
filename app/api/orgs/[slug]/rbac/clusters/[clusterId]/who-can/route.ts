import { parseJsonBody } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZWhoCanQuery } from "@/lib/server/rbac/rbac-request-schemas";
import { runWhoCan } from "@/lib/server/rbac/run-who-can";

// A question with several optional parts is a JSON body; nothing is changed by asking it.
/** Who can <verb> <resource[/subresource]> [in namespace] [named]: subjects with the grant paths that allow it. */
export const POST = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const query = await parseJsonBody(req, ZWhoCanQuery);
  return Response.json(await runWhoCan({ orgId: org.id, clusterId: params.clusterId, query }));
});
