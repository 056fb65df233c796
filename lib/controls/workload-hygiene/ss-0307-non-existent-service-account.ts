import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { podSpecLocationOf } from "./container-resources";
import { findNamespaced } from "./scan-lookups";

export default defineControl({
  id: "SS-0307",
  name: "Service account does not exist",
  description:
    "Fails when a workload names a service account (serviceAccountName, or the deprecated serviceAccount) other than `default` that is not among the scanned ServiceAccounts of its namespace.",
  rationale:
    "The API refuses to create pods for a missing service account, so the workload silently never starts (or stops scaling); in a GitOps repository it usually means a renamed or forgotten ServiceAccount manifest.",
  severity: "medium",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const at = podSpecLocationOf(obj);
    if (!at) return null;
    const field = at.spec.serviceAccountName ? "serviceAccountName" : at.spec.serviceAccount ? "serviceAccount" : undefined;
    if (!field) return [];
    const name = at.spec[field];
    if (typeof name !== "string" || name === "default") return [];
    const ns = at.namespace;
    if (findNamespaced(ctx, "ServiceAccount", ns, name)) return [];
    return [{ message: `uses ServiceAccount ${name}, which does not exist in namespace ${ns}`, paths: [`${at.path}.${field}`] }];
  },
  remediation:
    "Create the ServiceAccount in the workload's namespace (ship it with the workload's manifests), or correct the name.",
  refs: { kubescape: ["C-0307"] },
});
