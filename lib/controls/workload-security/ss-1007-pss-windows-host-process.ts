import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostProcessRequests } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1007",
  name: "Windows HostProcess container (PSS Baseline)",
  description:
    "Pod Security Standards Baseline \"HostProcess\": fails when the pod or any container sets securityContext.windowsOptions.hostProcess: true.",
  rationale:
    "A HostProcess container runs directly on the Windows node as a host process, with the node's network and file system and, typically, SYSTEM privileges: the Windows counterpart of a privileged container.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return hostProcessRequests(pod);
  },
  remediation: "Remove `windowsOptions.hostProcess: true`; keep node-management HostProcess pods in a dedicated privileged namespace with an explicit exception.",
  refs: { pss: ["baseline:hostProcess"] },
  tags: [PSS_VERSION_TAG],
});
