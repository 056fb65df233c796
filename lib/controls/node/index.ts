// This area's controls: one import per control file (manual/ holds the CIS manual items), in id order.
import type { Control } from "../../engine/types";
import ss0052 from "./ss-0052-instance-metadata-api-reachable";
import ss0069 from "./ss-0069-kubelet-anonymous-access";
import ss0070 from "./ss-0070-kubelet-client-tls-authentication";
import ss0079 from "./ss-0079-cve-2022-0185-kernel";
import ss0089 from "./ss-0089-cve-2022-3172-aggregated-api-redirect";
import ss0092 from "./ss-0092-api-server-manifest-permissions";
import ss0093 from "./ss-0093-api-server-manifest-ownership";
import ss0094 from "./ss-0094-controller-manager-manifest-permissions";
import ss0095 from "./ss-0095-controller-manager-manifest-ownership";
import ss0096 from "./ss-0096-scheduler-manifest-permissions";
import ss0097 from "./ss-0097-scheduler-manifest-ownership";
import ss0098 from "./ss-0098-etcd-manifest-permissions";
import ss0099 from "./ss-0099-etcd-manifest-ownership";
import ss0100 from "./ss-0100-cni-config-permissions";
import ss0101 from "./ss-0101-cni-config-ownership";
import ss0102 from "./ss-0102-etcd-data-directory-permissions";
import ss0103 from "./ss-0103-etcd-data-directory-ownership";
import ss0104 from "./ss-0104-admin-conf-permissions";
import ss0105 from "./ss-0105-admin-conf-ownership";
import ss0106 from "./ss-0106-scheduler-conf-permissions";
import ss0107 from "./ss-0107-scheduler-conf-ownership";
import ss0108 from "./ss-0108-controller-manager-conf-permissions";
import ss0109 from "./ss-0109-controller-manager-conf-ownership";
import ss0110 from "./ss-0110-pki-ownership";
import ss0111 from "./ss-0111-pki-certificate-permissions";
import ss0112 from "./ss-0112-pki-key-permissions";
import ss0141 from "./ss-0141-api-server-encryption-provider-config";
import ss0142 from "./ss-0142-api-server-encryption-providers";
import ss0161 from "./ss-0161-audit-policy-key-resources";
import ss0162 from "./ss-0162-kubelet-service-file-permissions";
import ss0163 from "./ss-0163-kubelet-service-file-ownership";
import ss0164 from "./ss-0164-kube-proxy-kubeconfig-permissions";
import ss0165 from "./ss-0165-kube-proxy-kubeconfig-ownership";
import ss0166 from "./ss-0166-kubelet-kubeconfig-permissions";
import ss0167 from "./ss-0167-kubelet-kubeconfig-ownership";
import ss0168 from "./ss-0168-kubelet-client-ca-permissions";
import ss0169 from "./ss-0169-kubelet-client-ca-ownership";
import ss0170 from "./ss-0170-kubelet-config-permissions";
import ss0171 from "./ss-0171-kubelet-config-ownership";
import ss0172 from "./ss-0172-kubelet-anonymous-auth-disabled";
import ss0173 from "./ss-0173-kubelet-authorization-not-always-allow";
import ss0174 from "./ss-0174-kubelet-client-ca-file";
import ss0175 from "./ss-0175-kubelet-read-only-port-disabled";
import ss0176 from "./ss-0176-kubelet-streaming-idle-timeout";
import ss0177 from "./ss-0177-kubelet-protect-kernel-defaults";
import ss0178 from "./ss-0178-kubelet-iptables-util-chains";
import ss0179 from "./ss-0179-kubelet-hostname-override";
import ss0180 from "./ss-0180-kubelet-event-qps";
import ss0181 from "./ss-0181-kubelet-serving-certificate";
import ss0182 from "./ss-0182-kubelet-rotate-certificates";
import ss0183 from "./ss-0183-kubelet-server-certificate-rotation";
import ss0184 from "./ss-0184-kubelet-strong-ciphers";
import ss0205 from "./ss-0205-cni-supports-network-policies";
import ss0208 from "./ss-0208-secrets-external-key-management";
import ss0230 from "./ss-0230-eks-network-policy-enforced";
import ss0235 from "./ss-0235-kubelet-config-permissions-644";
import ss0238 from "./ss-0238-kubelet-kubeconfig-permissions-644";
import ss0246 from "./manual/ss-0246-avoid-system-masters-group";
import ss0284 from "./ss-0284-kubelet-pod-pids-limit";
import ss0286 from "./manual/ss-0286-no-client-certificates-for-users";
import ss0287 from "./manual/ss-0287-no-service-account-tokens-for-users";
import ss0288 from "./manual/ss-0288-no-bootstrap-tokens-for-users";
import ss0289 from "./manual/ss-0289-image-provenance-admission";
import ss1350 from "./ss-1350-kubelet-seccomp-default";
import ss1380 from "./ss-1380-cloud-provider-config-permissions";
import ss1381 from "./ss-1381-cloud-provider-config-ownership";

/** Controls of the "node" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0052, ss0069, ss0070, ss0079, ss0089, ss0092, ss0093, ss0094,
  ss0095, ss0096, ss0097, ss0098, ss0099, ss0100, ss0101, ss0102,
  ss0103, ss0104, ss0105, ss0106, ss0107, ss0108, ss0109, ss0110,
  ss0111, ss0112, ss0141, ss0142, ss0161, ss0162, ss0163, ss0164,
  ss0165, ss0166, ss0167, ss0168, ss0169, ss0170, ss0171, ss0172,
  ss0173, ss0174, ss0175, ss0176, ss0177, ss0178, ss0179, ss0180,
  ss0181, ss0182, ss0183, ss0184, ss0205, ss0208, ss0230, ss0235,
  ss0238, ss0246, ss0284, ss0286, ss0287, ss0288, ss0289, ss1350,
  ss1380, ss1381,
];
