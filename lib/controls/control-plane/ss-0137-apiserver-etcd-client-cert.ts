import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0137",
  name: "API server has no client certificate for etcd",
  description: "Fails unless the kube-apiserver sets both --etcd-certfile and --etcd-keyfile.",
  rationale:
    "etcd holds every Secret of the cluster. If the API server does not present a client certificate, etcd must accept unauthenticated clients, and anything that reaches port 2379 can read or rewrite the whole cluster state.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => [
    ...requireFlag(instance, "etcd-certfile", "<path/to/apiserver-etcd-client.crt>", "the API server does not authenticate to etcd"),
    ...requireFlag(instance, "etcd-keyfile", "<path/to/apiserver-etcd-client.key>", "the API server does not authenticate to etcd", 1),
  ],
  remediation:
    "Issue the API server an etcd client certificate from the etcd CA and pass it with `--etcd-certfile` and `--etcd-keyfile`; require client certificates on etcd (`--client-cert-auth=true`).",
  refs: { kubescape: ["C-0137"], cis: ["1.2.23"] },
});
