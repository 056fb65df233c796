import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZFleetFilters, ZFrameworkId, ZTrendDays } from "@/lib/server/dashboard/fleet-filters";
import { getFleetTrend } from "@/lib/server/dashboard/get-fleet-trend";

const ZQuery = ZFleetFilters.extend({ framework: ZFrameworkId.optional(), days: ZTrendDays.optional() }).strict();

/** The filtered fleet's daily score for a framework over the last `days` (default 30). */
export const GET = withOrg(async ({ req, org }) => {
  const { framework, days, ...filters } = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json({ trend: await getFleetTrend({ orgId: org.id, framework, days, filters }) });
});
