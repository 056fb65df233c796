import { parseJsonBody } from "@/lib/api/parse-body";
import { publicBaseUrl } from "@/lib/api/public-url";
import { withOrg } from "@/lib/auth/with-org";
import { ZRegisterCluster } from "@/lib/zod/clusters";
import { listClusters } from "@/lib/server/clusters/list-clusters";
import { registerCluster } from "@/lib/server/clusters/register-cluster";
import { buildInstallCommands } from "@/lib/server/tokens/build-install-commands";

export const GET = withOrg(async ({ org }) => {
  return Response.json({ clusters: await listClusters({ orgId: org.id }) });
});

export const POST = withOrg(
  async ({ req, org, user }) => {
    const input = await parseJsonBody(req, ZRegisterCluster);
    const { cluster, token } = await registerCluster({ orgId: org.id, actorId: user.id, input });
    const installCommands = buildInstallCommands({ serverUrl: publicBaseUrl(req), token: token.token });
    return Response.json({ cluster, token, installCommands }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { role: "ADMIN" },
);
