import { parseJsonBody } from "@/lib/api/parse-body";
import { publicBaseUrl } from "@/lib/api/public-url";
import { withOrg } from "@/lib/auth/with-org";
import { ZCreateAgentToken } from "@/lib/zod/tokens";
import { createAgentToken } from "@/lib/server/tokens/create-agent-token";
import { listAgentTokens } from "@/lib/server/tokens/list-agent-tokens";
import { buildInstallCommands } from "@/lib/server/tokens/build-install-commands";

export const GET = withOrg(async ({ org }) => {
  return Response.json({ tokens: await listAgentTokens({ orgId: org.id }) });
});

export const POST = withOrg(
  async ({ req, org, user }) => {
    const input = await parseJsonBody(req, ZCreateAgentToken);
    const token = await createAgentToken({ orgId: org.id, actorId: user.id, ...input });
    const installCommands = buildInstallCommands({ serverUrl: publicBaseUrl(req), token: token.token });
    return Response.json({ token, installCommands }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { role: "ADMIN" },
);
