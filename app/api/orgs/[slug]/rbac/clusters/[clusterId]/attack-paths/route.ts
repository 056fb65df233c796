import { withOrg } from "@/lib/auth/with-org";
import { listAttackPaths } from "@/lib/server/rbac/list-attack-paths";

/** Exposed or privileged workload → service account token → risky permission → impact. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ org, params }) => {
  return Response.json(await listAttackPaths({ orgId: org.id, clusterId: params.clusterId }));
});
