import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0100",
  name: "CNI configuration file permissions are 600 or stricter",
  description:
    "Checks that every CNI configuration file of the node (/etc/cni/net.d) grants no access beyond read-write for its owner.",
  rationale:
    "The CNI configuration decides how every pod is wired to the network; a writable file lets a local user reroute or sniff pod traffic or disable network policy enforcement.",
  severity: "medium",
  roles: ["cniConfig"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the files in the CNI configuration directory (usually /etc/cni/net.d).",
  refs: {
    kubescape: ["C-0100"],
    cis: ["1.1.9"],
  },
});
