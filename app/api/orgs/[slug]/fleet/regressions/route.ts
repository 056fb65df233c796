import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getFleetRegressions } from "@/lib/server/drift/get-fleet-regressions";

const ZRegressionsQuery = z.object({ days: z.coerce.number().int().min(1).max(365).optional() }).strict();

/** Clusters that got worse over the last `days` (default 7), and the new findings behind it. */
export const GET = withOrg(async ({ req, org }) => {
  const { days } = parseSearchParams(new URL(req.url), ZRegressionsQuery);
  return Response.json({ regressions: await getFleetRegressions({ orgId: org.id, days }) });
});
