import { defineControl } from "../../engine/define-control";
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import { asList, locate, providerOf } from "./cloud-describe";

/** The ECR actions a node needs to pull images; anything else is more than read-only pulling. */
const PULL_ACTIONS = new Set(["ecr:batchchecklayeravailability", "ecr:batchgetimage", "ecr:getdownloadurlforlayer", "ecr:getauthorizationtoken"]);

/** Node roles as eksctl, the EKS console and the common Terraform modules name them. */
const NODE_ROLE = /NodeInstanceRole|node[-_]?group[-_]?role|NodeRole|node[-_]role|eks[-_]?node/i;

function allowedEcrActions(document: unknown): string[] {
  const raw = locate({ value: document, path: "" }, "statement")?.value;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const actions: string[] = [];
  for (const statement of statements) {
    const s = { value: statement, path: "" };
    if (String(locate(s, "effect")?.value) !== "Allow") continue;
    const raw = locate(s, "action")?.value;
    for (const action of Array.isArray(raw) ? raw : [raw]) {
      const a = String(action ?? "").toLowerCase();
      if (a === "*" || a.startsWith("ecr:")) actions.push(a);
    }
  }
  return actions;
}

function policyDocuments(ctx: EvalContext): Map<string, unknown> {
  const documents = new Map<string, unknown>();
  for (const version of ctx.index.byKind("PolicyVersion")) {
    if (providerOf(version) !== "eks") continue;
    const docs = locate({ value: version.data, path: "data" }, "policiesDocuments")?.value;
    for (const [arn, doc] of Object.entries((docs as Record<string, unknown>) ?? {})) documents.set(arn, doc);
  }
  return documents;
}

export default defineControl<K8sObject>({
  id: "SS-0223",
  name: "EKS node role can only pull from ECR",
  description:
    "From the IAM data collected for the cluster (`ListEntitiesForPolicies` and `PolicyVersion`), checks that every policy attached to a node instance role grants no ECR action beyond pulling images (GetAuthorizationToken, BatchCheckLayerAvailability, GetDownloadUrlForLayer, BatchGetImage). Wildcards count as more.",
  rationale:
    "Every pod on a node can borrow the node's role through the instance metadata API; if that role can push or delete images, one compromised pod can plant a backdoored image that the whole fleet then runs.",
  severity: "medium",
  category: "cloud",
  needs: ["cloud"],
  kinds: ["ListEntitiesForPolicies"],
  evaluate(obj, ctx) {
    if (providerOf(obj) !== "eks") return null;
    const rolesPolicies = locate({ value: obj.data, path: "data" }, "rolesPolicies");
    if (!rolesPolicies || typeof rolesPolicies.value !== "object") return null;
    const documents = policyDocuments(ctx);
    const violations: Violation[] = [];
    let judged = false;
    for (const [arn, entities] of Object.entries(rolesPolicies.value as Record<string, unknown>)) {
      const roles = asList(locate({ value: entities, path: "" }, "policyRoles")?.value)
        .map((r) => String(locate({ value: r, path: "" }, "roleName")?.value ?? ""))
        .filter((name) => NODE_ROLE.test(name));
      if (!roles.length || !documents.has(arn)) continue;
      judged = true;
      const extra = allowedEcrActions(documents.get(arn)).filter((a) => !PULL_ACTIONS.has(a));
      if (extra.length) {
        violations.push({
          message: `Policy ${arn}, attached to node role ${roles.join(", ")}, allows ECR actions beyond pulling: ${[...new Set(extra)].join(", ")}`,
          paths: [`${rolesPolicies.path}.${arn}`],
        });
      }
    }
    return judged ? violations : null;
  },
  remediation:
    "Attach only the AWS managed policy AmazonEC2ContainerRegistryReadOnly (or an equivalent policy with the four pull actions) to node roles; give push rights to CI roles, not to nodes, and use IAM roles for service accounts for pods that need more.",
  refs: {
    kubescape: ["C-0223"],
    cisEks: ["5.1.3"],
  },
});
