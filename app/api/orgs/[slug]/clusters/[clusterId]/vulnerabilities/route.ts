import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getClusterVulnerabilities } from "@/lib/server/imports/get-cluster-vulnerabilities";

const ZVulnerabilitiesQuery = z
  .object({
    namespace: z.string().max(253).optional(),
    /** Vulnerabilities listed per workload, worst first (counts always cover all of them). */
    vulnerabilityLimit: z.coerce.number().int().min(0).max(1000).optional(),
  })
  .strict();

/** Imported image vulnerabilities joined to the cluster's current workloads (docs/api.md). */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const query = parseSearchParams(new URL(req.url), ZVulnerabilitiesQuery);
  return Response.json({ vulnerabilities: await getClusterVulnerabilities({ orgId: org.id, clusterId: params.clusterId, ...query }) });
});
