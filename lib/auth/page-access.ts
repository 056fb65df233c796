import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { getOrgAccess, type OrgAccess } from "@/lib/server/orgs/get-org-access";

// The page/server-component counterpart of withOrg: the same resolution (session → org by slug
// → role), with Next's navigation errors instead of JSON: no session → sign-in, not a member → 404.

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export const requireUser = cache(async (returnTo: string): Promise<SessionUser> => {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
});

const orgAccessFor = cache(async (userId: string, slug: string) => getOrgAccess({ userId, slug }));

export type PageOrgAccess = OrgAccess & { user: SessionUser };

/** Membership in the org of an /o/[slug] page; 404 for non-members, and for a role below `role`. */
export async function requireOrgPageAccess(slug: string, options: { role?: Role; returnTo?: string } = {}): Promise<PageOrgAccess> {
  const user = await requireUser(options.returnTo ?? `/o/${slug}`);
  const access = await orgAccessFor(user.id, slug);
  if (!access) notFound();
  if (options.role && !hasRole(access.role, options.role)) notFound();
  return { ...access, user };
}
