import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { credentialPolicy } from "./credential-detection";
import { literalEnvCredentials, referencedEnvCredentials } from "./environment-credentials";

export default defineControl({
  id: "SS-0259",
  name: "Workload receives credentials in its environment",
  description:
    "Fails when any container's environment carries a credential: a literal credential value, a Secret read through secretKeyRef or envFrom, or a ConfigMap value that is itself a credential.",
  rationale:
    "A workload holding credentials is a stepping stone: whoever compromises it (or can exec into it, or read its crash dumps) gains whatever those credentials open. Knowing which workloads hold them focuses hardening and monitoring.",
  severity: "high",
  category: "secrets",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const policy = credentialPolicy(ctx);
    const literal = literalEnvCredentials(obj, policy);
    const referenced = referencedEnvCredentials(obj, ctx, policy);
    // Nearly always one list is empty: no copy then (the literal list is shared with SS-0012 and not returned as is).
    return literal.length ? literal.concat(referenced) : referenced;
  },
  remediation:
    "Give the workload only the credentials it needs, mounted as files from a Secret or fetched from a secret manager at run time, and harden it (non-root, read-only filesystem, no exec for humans) in proportion to what they unlock.",
  refs: { kubescape: ["C-0259"], mitre: ["T1552.007"] },
});
