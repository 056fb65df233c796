import { Role } from "@/lib/generated/prisma/enums";

export { Role };
export type RoleName = Role;

export const ROLES: readonly Role[] = [Role.OWNER, Role.ADMIN, Role.VIEWER];

const RANK: Record<Role, number> = { VIEWER: 1, ADMIN: 2, OWNER: 3 };

/** True when `role` grants at least what `required` grants (OWNER ⊃ ADMIN ⊃ VIEWER). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Everything, including members and roles",
  ADMIN: "Manage clusters and agent tokens",
  VIEWER: "Read-only access",
};

export const can = {
  manageClusters: (role: Role) => hasRole(role, Role.ADMIN),
  manageTokens: (role: Role) => hasRole(role, Role.ADMIN),
  manageMembers: (role: Role) => hasRole(role, Role.OWNER),
  viewAudit: (role: Role) => hasRole(role, Role.ADMIN),
};
