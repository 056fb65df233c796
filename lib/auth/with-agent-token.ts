import { AppError, toErrorResponse } from "@/lib/api/errors";
import { authenticateAgentToken, type AgentAuthFailure, type AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";

export type AgentRouteContext<Params> = { req: Request; params: Params; agent: AgentIdentity };

const FAILURE_MESSAGES: Record<AgentAuthFailure | "missing", string> = {
  missing: "Send the agent token as 'Authorization: Bearer ssa_…'.",
  malformed: "The agent token is malformed.",
  unknown: "The agent token is not valid.",
  revoked: "The agent token has been revoked. Create a new token in Settings → Agent tokens.",
  expired: "The agent token has expired. Create a new token in Settings → Agent tokens.",
};

function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

/**
 * Wraps an agent route (`/api/agent/…`): the Bearer token is hashed and looked up; unknown,
 * revoked or expired tokens get 401 on every request (no caching, so revocation is immediate).
 * The handler sees the token's organization and optional cluster scope.
 */
export function withAgentToken<Params extends Record<string, string> = Record<string, never>>(
  handler: (ctx: AgentRouteContext<Params>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      const token = bearerToken(req);
      if (!token) throw new AppError("unauthorized", FAILURE_MESSAGES.missing);
      const result = await authenticateAgentToken(token);
      if (!result.ok) throw new AppError("unauthorized", FAILURE_MESSAGES[result.reason]);
      return await handler({ req, params: await context.params, agent: result.agent });
    } catch (error) {
      const response = toErrorResponse(error, { route: `${req.method} ${new URL(req.url).pathname}` });
      if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="shipshape-agent"');
      return response;
    }
  };
}
