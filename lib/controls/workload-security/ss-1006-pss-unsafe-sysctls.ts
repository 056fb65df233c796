import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { unsafeSysctls } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1006",
  name: "Unsafe sysctl (PSS Baseline)",
  description:
    "Pod Security Standards Baseline \"Sysctls\": fails for each entry of spec.securityContext.sysctls outside the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem, net.ipv4.tcp_wmem).",
  rationale:
    "Sysctls outside the safe set are not fully isolated per pod: they can change kernel behaviour for the whole node, starve other pods of kernel resources or weaken network protections.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return unsafeSysctls(pod);
  },
  remediation: "Remove the unsafe sysctls from the pod. Tune node-wide kernel parameters on the nodes themselves, or allow a specific sysctl only on dedicated nodes with the kubelet's --allowed-unsafe-sysctls and an explicit exception.",
  refs: { pss: ["baseline:sysctls"] },
  tags: [PSS_VERSION_TAG],
});
