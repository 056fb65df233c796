import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-1373",
  name: "GKE worker nodes are firewalled",
  description:
    "Manual review of the VPC firewall rules that apply to the nodes' network tags and service accounts: only the traffic the cluster needs.",
  rationale:
    "Open firewall rules expose kubelets, NodePorts and any host service to the VPC or the internet.",
  severity: "medium",
  category: "network",
  manual: true,
  remediation:
    "Write VPC firewall rules targeting the node tags or service account that allow only control-plane, load balancer and required inter-node traffic; deny the rest.",
  refs: {
    cisGke: ["5.6.6"],
  },
});
