// RBAC subjects: normalization (as the authorizer reads them), stable keys, and built-in group membership.
import type { SubjectRef } from "../engine/types";

export const SYSTEM_MASTERS = "system:masters";
export const SYSTEM_AUTHENTICATED = "system:authenticated";
export const SYSTEM_UNAUTHENTICATED = "system:unauthenticated";
export const SYSTEM_ANONYMOUS = "system:anonymous";
export const SYSTEM_SERVICEACCOUNTS = "system:serviceaccounts";

const SA_USER_PREFIX = "system:serviceaccount:";

/** `User/alice`, `Group/dev`, `ServiceAccount/ns/name`: one key per identity. */
export function subjectKey(subject: SubjectRef): string {
  return subject.kind === "ServiceAccount"
    ? `ServiceAccount/${subject.namespace ?? ""}/${subject.name}`
    : `${subject.kind}/${subject.name}`;
}

export function subjectLabel(subject: SubjectRef): string {
  return subject.kind === "ServiceAccount" ? `ServiceAccount ${subject.namespace}/${subject.name}` : `${subject.kind} ${subject.name}`;
}

/**
 * The identity a binding subject grants to, or undefined when the authorizer would never match it:
 * a ServiceAccount without namespace in a ClusterRoleBinding, an unknown kind, an empty name.
 * A ServiceAccount without namespace in a RoleBinding means the binding's namespace, and a User named
 * `system:serviceaccount:<ns>:<name>` is that service account.
 */
export function normalizeBindingSubject(raw: unknown, bindingNamespace: string | undefined): SubjectRef | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const s = raw as Record<string, unknown>;
  const name = typeof s.name === "string" ? s.name : "";
  if (!name) return undefined;
  switch (s.kind) {
    case "User": {
      const sa = serviceAccountOfUsername(name);
      return sa ?? { kind: "User", name };
    }
    case "Group":
      return { kind: "Group", name };
    case "ServiceAccount": {
      const namespace = typeof s.namespace === "string" && s.namespace ? s.namespace : bindingNamespace;
      if (!namespace) return undefined;
      return { kind: "ServiceAccount", name, namespace };
    }
    default:
      return undefined;
  }
}

/** `system:serviceaccount:ns:name` → the ServiceAccount; anything else → undefined. */
export function serviceAccountOfUsername(username: string): SubjectRef | undefined {
  if (!username.startsWith(SA_USER_PREFIX)) return undefined;
  const rest = username.slice(SA_USER_PREFIX.length);
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon === rest.length - 1) return undefined;
  return { kind: "ServiceAccount", namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
}

/**
 * Groups every request of this subject carries, set by the authenticators rather than by RBAC:
 * service accounts are in `system:serviceaccounts`, `system:serviceaccounts:<ns>` and
 * `system:authenticated`; `system:anonymous` is in `system:unauthenticated`; any other user is in
 * `system:authenticated`. Other memberships (OIDC groups, certificates' O=) cannot be seen from the API.
 */
export function implicitGroupsOf(subject: SubjectRef): string[] {
  switch (subject.kind) {
    case "ServiceAccount":
      return [SYSTEM_SERVICEACCOUNTS, `${SYSTEM_SERVICEACCOUNTS}:${subject.namespace}`, SYSTEM_AUTHENTICATED];
    case "User":
      return subject.name === SYSTEM_ANONYMOUS ? [SYSTEM_UNAUTHENTICATED] : [SYSTEM_AUTHENTICATED];
    default:
      return [];
  }
}

/** True for the group whose members skip authorization altogether (the API server short-circuits it). */
export function isSuperuserGroup(subject: SubjectRef): boolean {
  return subject.kind === "Group" && subject.name === SYSTEM_MASTERS;
}

/** Subjects that mean "anyone who can reach the API server". */
export function isAnonymousSubject(subject: SubjectRef): boolean {
  return (
    (subject.kind === "User" && subject.name === SYSTEM_ANONYMOUS) ||
    (subject.kind === "Group" && subject.name === SYSTEM_UNAUTHENTICATED)
  );
}
