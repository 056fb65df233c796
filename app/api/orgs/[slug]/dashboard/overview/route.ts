import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZFleetFilters, ZFrameworkId } from "@/lib/server/dashboard/fleet-filters";
import { getDashboardOverview } from "@/lib/server/dashboard/get-dashboard-overview";

const ZQuery = ZFleetFilters.extend({ framework: ZFrameworkId.optional() }).strict();

/** Org score per framework (with the 7-day change) and the clusters table of the filtered fleet. */
export const GET = withOrg(async ({ req, org }) => {
  const { framework, ...filters } = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await getDashboardOverview({ orgId: org.id, framework, filters }));
});
