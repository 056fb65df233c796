import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getClusterDrift } from "@/lib/server/drift/get-cluster-drift";

const ZDriftQuery = z
  .object({
    /** Snapshot id or ISO date-time; default: the snapshot before `to`. */
    from: z.string().min(1).max(64).optional(),
    /** Snapshot id or ISO date-time; default: the latest snapshot. */
    to: z.string().min(1).max(64).optional(),
    diffLimit: z.coerce.number().int().min(0).max(1000).optional(),
  })
  .strict();

/** What changed in a cluster between two snapshots or points in time. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const query = parseSearchParams(new URL(req.url), ZDriftQuery);
  return Response.json({ drift: await getClusterDrift({ orgId: org.id, clusterId: params.clusterId, ...query }) });
});
