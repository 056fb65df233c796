import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getClusterHistory } from "@/lib/server/history/get-cluster-history";

const ZHistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(3650).optional() }).strict();

/** A cluster's daily trend, recent snapshots and finding intervals. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const { days } = parseSearchParams(new URL(req.url), ZHistoryQuery);
  return Response.json({ history: await getClusterHistory({ orgId: org.id, clusterId: params.clusterId, days }) });
});
