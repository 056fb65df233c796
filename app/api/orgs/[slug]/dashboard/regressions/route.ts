import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZFleetFilters } from "@/lib/server/dashboard/fleet-filters";
import { listFleetRegressions } from "@/lib/server/dashboard/list-fleet-regressions";

const ZQuery = ZFleetFilters.extend({ days: z.coerce.number().int().min(1).max(90).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }).strict();

/** Clusters that got worse over the last `days` (default 7), with the controls and objects behind it. */
export const GET = withOrg(async ({ req, org }) => {
  const { days, limit, ...filters } = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await listFleetRegressions({ orgId: org.id, days, limit, filters }));
});
