import { AppError, toErrorResponse } from "@/lib/api/errors";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { getOrgAccess, type OrgAccess } from "@/lib/server/orgs/get-org-access";

export type OrgRouteContext<Params> = {
  req: Request;
  params: Params;
  user: SessionUser;
  org: OrgAccess["org"];
  role: Role;
  membershipId: string;
};

export type UserRouteContext<Params> = { req: Request; params: Params; user: SessionUser };

type NextRouteContext<Params> = { params: Promise<Params> };

// Non-members get the same 404 as for an organization that does not exist, so slugs of other
// tenants cannot be discovered by probing.
const ORG_NOT_FOUND = "Organization not found.";

/**
 * Wraps an org-scoped route handler (`/api/orgs/[slug]/…`): session → organization by slug →
 * membership role, resolved once. Unauthenticated → 401, not a member → 404, role below
 * `options.role` → 403. Every error becomes the JSON error shape.
 */
export function withOrg<Params extends { slug: string }>(
  handler: (ctx: OrgRouteContext<Params>) => Promise<Response>,
  options: { role?: Role } = {},
) {
  return async (req: Request, context: NextRouteContext<Params>): Promise<Response> => {
    try {
      const params = await context.params;
      const user = await getSessionUser();
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      const access = await getOrgAccess({ userId: user.id, slug: params.slug });
      if (!access) throw new AppError("not_found", ORG_NOT_FOUND);
      assertSameOrigin(req);
      if (options.role && !hasRole(access.role, options.role)) {
        throw new AppError("forbidden", `This action needs the ${options.role} role; you are ${access.role}.`);
      }
      return await handler({ req, params, user, org: access.org, role: access.role, membershipId: access.membershipId });
    } catch (error) {
      return toErrorResponse(error, { route: `${req.method} ${new URL(req.url).pathname}` });
    }
  };
}

/** Wraps a route that needs a signed-in user but no organization (create org, accept invitation). */
export function withUser<Params extends Record<string, string> = Record<string, never>>(
  handler: (ctx: UserRouteContext<Params>) => Promise<Response>,
) {
  return async (req: Request, context: NextRouteContext<Params>): Promise<Response> => {
    try {
      const params = await context.params;
      const user = await getSessionUser();
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      assertSameOrigin(req);
      return await handler({ req, params, user });
    } catch (error) {
      return toErrorResponse(error, { route: `${req.method} ${new URL(req.url).pathname}` });
    }
  };
}

/** Wraps a public route so thrown errors still use the JSON error shape. */
export function withErrorHandling<Params extends Record<string, string> = Record<string, never>>(
  handler: (ctx: { req: Request; params: Params }) => Promise<Response>,
) {
  return async (req: Request, context: NextRouteContext<Params>): Promise<Response> => {
    try {
      return await handler({ req, params: await context.params });
    } catch (error) {
      return toErrorResponse(error, { route: `${req.method} ${new URL(req.url).pathname}` });
    }
  };
}
