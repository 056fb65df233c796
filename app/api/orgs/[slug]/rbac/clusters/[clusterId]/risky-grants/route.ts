import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { listRiskyGrants } from "@/lib/server/rbac/list-risky-grants";
import { ZRiskyGrantsQuery } from "@/lib/server/rbac/rbac-request-schemas";

/** Risky grants (rule × subject, with grant paths), worst first. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const query = parseSearchParams(new URL(req.url), ZRiskyGrantsQuery);
  return Response.json(await listRiskyGrants({ orgId: org.id, clusterId: params.clusterId, ...query }));
});
