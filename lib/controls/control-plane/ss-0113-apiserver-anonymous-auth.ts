import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, lastFlag, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0113",
  name: "API server accepts anonymous requests",
  description:
    "Fails unless the kube-apiserver runs with --anonymous-auth=false. The flag defaults to true, so leaving it out allows anonymous requests. Not evaluated when the flag is absent and an --authentication-config file (which then holds the anonymous settings) is used.",
  rationale:
    "With anonymous authentication on, requests without credentials are served as `system:anonymous`; any RBAC binding to that user or to `system:unauthenticated` becomes reachable by anyone who can reach the API endpoint.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    if (!lastFlag(instance, "anonymous-auth") && lastFlag(instance, "authentication-config")?.value) return null;
    return requireBoolean(instance, "anonymous-auth", false, true, "requests without credentials are served as system:anonymous");
  },
  remediation:
    "Add `--anonymous-auth=false` to the API server command line (or, with structured authentication, disable `anonymous` in the AuthenticationConfiguration or limit it to health endpoints). If load balancers probe `/healthz` or `/readyz` anonymously, give them credentials or probe the component ports instead.",
  refs: { kubescape: ["C-0113"], cis: ["1.2.1"], mitre: ["T1078"] },
});
