import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { flagFinding } from "./flag-findings";
import { componentInstances, componentTargets, lastFlag, type ComponentInstance } from "./static-pod-flags";

function normalizedPath(path: string): string {
  return path.trim().replace(/\/+/g, "/").replace(/\/$/, "");
}

export default defineControl<ComponentInstance>({
  id: "SS-0159",
  name: "etcd trusts the same CA as the API server's clients",
  description:
    "Fails when etcd's --trusted-ca-file is the same file as an API server's --client-ca-file. Does not apply when either side is unknown (no API server in the scan, or etcd without a client CA).",
  rationale:
    "If one CA signs both Kubernetes client certificates and etcd client certificates, every certificate that CA issued for the API (kubelets, users, controllers) is also accepted by etcd, which bypasses all API authorization.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("etcd"),
  evaluate(etcd, ctx) {
    const trusted = lastFlag(etcd, "trusted-ca-file");
    if (!trusted?.value) return null;
    const apiServers = componentInstances(ctx, "kube-apiserver");
    const withClientCa = apiServers
      .map((api) => ({ api, ca: lastFlag(api, "client-ca-file") }))
      .filter((entry) => !!entry.ca?.value);
    if (withClientCa.length === 0) return null;
    const violations: Violation[] = [];
    for (const { api, ca } of withClientCa) {
      if (normalizedPath(ca!.value) !== normalizedPath(trusted.value)) continue;
      const violation = flagFinding(
        etcd,
        trusted,
        `--trusted-ca-file ${trusted.value} is also the client CA of kube-apiserver (${api.where}): any Kubernetes client certificate is accepted by etcd`,
      );
      if (api.resource.object) violation.related = [api.resource.object];
      violations.push(violation);
    }
    return violations;
  },
  remediation:
    "Create a dedicated CA for etcd, issue etcd's peer/server certificates and the API server's etcd client certificate from it, and point `--trusted-ca-file` at that CA only.",
  refs: { kubescape: ["C-0159"], cis: ["2.7"] },
});
