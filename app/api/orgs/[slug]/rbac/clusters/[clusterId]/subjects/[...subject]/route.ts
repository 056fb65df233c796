import { AppError } from "@/lib/api/errors";
import { withOrg } from "@/lib/auth/with-org";
import { getSubjectPermissions } from "@/lib/server/rbac/get-subject-permissions";
import { parseSubjectKey } from "@/lib/server/rbac/grant-path-view";

/**
 * The subject's effective permissions (matrix per scope with grant paths), risky grants, bindings,
 * workloads and attack paths. The path is its key: `User/<name>`, `Group/<name>`, `ServiceAccount/<ns>/<name>`.
 */
export const GET = withOrg<{ slug: string; clusterId: string; subject: string[] }>(async ({ org, params }) => {
  const raw = params.subject.join("/");
  // Clients encode the key as one segment (names may hold "/"); accept it decoded or not.
  let key = raw;
  try {
    if (/%2f/i.test(raw)) key = decodeURIComponent(raw);
  } catch {
    throw new AppError("validation_failed", "The subject in the path is not valid URL encoding.");
  }
  const subject = parseSubjectKey(key);
  if (!subject) throw new AppError("validation_failed", `"${key}" is not a subject: use User/<name>, Group/<name> or ServiceAccount/<namespace>/<name>.`);
  return Response.json(await getSubjectPermissions({ orgId: org.id, clusterId: params.clusterId, subject }));
});
