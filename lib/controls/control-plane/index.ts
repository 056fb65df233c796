import type { Control } from "../../engine/types";
import ss0005 from "./ss-0005-apiserver-insecure-port";
import ss0113 from "./ss-0113-apiserver-anonymous-auth";
import ss0114 from "./ss-0114-apiserver-token-auth-file";
import ss0115 from "./ss-0115-apiserver-deny-external-ips-enabled";
import ss0116 from "./ss-0116-apiserver-kubelet-client-cert";
import ss0117 from "./ss-0117-apiserver-kubelet-ca";
import ss0118 from "./ss-0118-apiserver-always-allow";
import ss0119 from "./ss-0119-apiserver-node-authorizer";
import ss0120 from "./ss-0120-apiserver-rbac-authorizer";
import ss0121 from "./ss-0121-apiserver-event-rate-limit";
import ss0122 from "./ss-0122-apiserver-always-admit";
import ss0123 from "./ss-0123-apiserver-always-pull-images";
import ss0124 from "./ss-0124-apiserver-security-context-deny";
import ss0125 from "./ss-0125-apiserver-service-account-plugin";
import ss0126 from "./ss-0126-apiserver-namespace-lifecycle";
import ss0127 from "./ss-0127-apiserver-node-restriction";
import ss0128 from "./ss-0128-apiserver-secure-port";
import ss0129 from "./ss-0129-apiserver-profiling";
import ss0130 from "./ss-0130-apiserver-audit-log-path";
import ss0131 from "./ss-0131-apiserver-audit-log-maxage";
import ss0132 from "./ss-0132-apiserver-audit-log-maxbackup";
import ss0133 from "./ss-0133-apiserver-audit-log-maxsize";
import ss0134 from "./ss-0134-apiserver-request-timeout";
import ss0135 from "./ss-0135-apiserver-service-account-lookup";
import ss0136 from "./ss-0136-apiserver-service-account-key-file";
import ss0137 from "./ss-0137-apiserver-etcd-client-cert";
import ss0138 from "./ss-0138-apiserver-tls-cert";
import ss0139 from "./ss-0139-apiserver-client-ca";
import ss0140 from "./ss-0140-apiserver-etcd-ca";
import ss0144 from "./ss-0144-controller-manager-terminated-pod-gc";
import ss0145 from "./ss-0145-controller-manager-profiling";
import ss0146 from "./ss-0146-controller-manager-sa-credentials";
import ss0147 from "./ss-0147-controller-manager-sa-private-key";
import ss0148 from "./ss-0148-controller-manager-root-ca";
import ss0149 from "./ss-0149-controller-manager-rotate-kubelet-cert";
import ss0150 from "./ss-0150-controller-manager-bind-address";
import ss0151 from "./ss-0151-scheduler-profiling";
import ss0152 from "./ss-0152-scheduler-bind-address";
import ss0153 from "./ss-0153-etcd-tls";
import ss0154 from "./ss-0154-etcd-client-cert-auth";
import ss0155 from "./ss-0155-etcd-auto-tls";
import ss0156 from "./ss-0156-etcd-peer-tls";
import ss0157 from "./ss-0157-etcd-peer-client-cert-auth";
import ss0158 from "./ss-0158-etcd-peer-auto-tls";
import ss0159 from "./ss-0159-etcd-unique-ca";
import ss0160 from "./ss-0160-apiserver-audit-policy";
import ss0273 from "./ss-0273-outdated-kubernetes-version";
import ss0277 from "./ss-0277-apiserver-strong-ciphers";
import ss0283 from "./ss-0283-apiserver-deny-external-ips";
import ss0290 from "./ss-0290-apiserver-extend-token-expiration";
import ss0291 from "./ss-0291-kube-proxy-metrics-localhost";

/** Controls of the "control-plane" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0005, ss0113, ss0114, ss0115, ss0116, ss0117, ss0118, ss0119, ss0120, ss0121, ss0122, ss0123, ss0124, ss0125,
  ss0126, ss0127, ss0128, ss0129, ss0130, ss0131, ss0132, ss0133, ss0134, ss0135, ss0136, ss0137, ss0138, ss0139,
  ss0140, ss0144, ss0145, ss0146, ss0147, ss0148, ss0149, ss0150, ss0151, ss0152, ss0153, ss0154, ss0155, ss0156,
  ss0157, ss0158, ss0159, ss0160, ss0273, ss0277, ss0283, ss0290, ss0291,
];
