import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0140",
  name: "API server does not verify etcd's certificate",
  description: "Fails unless the kube-apiserver sets --etcd-cafile.",
  rationale:
    "Without the etcd CA the API server cannot verify that it talks to the real etcd, so an impostor on the network could serve forged cluster state or capture writes, Secrets included.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireFlag(instance, "etcd-cafile", "<path/to/etcd/ca.crt>", "etcd's serving certificate is not verified"),
  remediation: "Pass the CA that signs etcd's serving certificates to the API server with `--etcd-cafile`.",
  refs: { kubescape: ["C-0140"], cis: ["1.2.26"] },
});
