import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { listClusterResources } from "@/lib/server/dashboard/list-cluster-resources";

const ZQuery = z
  .object({
    kind: z.string().trim().min(1).max(253).optional(),
    namespace: z.string().trim().max(253).optional(),
    q: z.string().trim().max(253).optional(),
    failing: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();

/** The cluster's current objects by kind and namespace, each with its open findings. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const query = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await listClusterResources({ orgId: org.id, clusterId: params.clusterId, ...query }));
});
