import type { Control } from "../../engine/types";
import ss0030 from "./ss-0030-ingress-and-egress-blocked";
import ss0036 from "./ss-0036-validating-admission-webhooks";
import ss0039 from "./ss-0039-mutating-admission-webhooks";
import ss0049 from "./ss-0049-network-mapping";
import ss0054 from "./ss-0054-cluster-internal-networking";
import ss0192 from "./ss-0192-policy-control-mechanism";
import ss0193 from "./ss-0193-psa-privileged-containers";
import ss0194 from "./ss-0194-psa-host-pid";
import ss0195 from "./ss-0195-psa-host-ipc";
import ss0196 from "./ss-0196-psa-host-network";
import ss0197 from "./ss-0197-psa-privilege-escalation";
import ss0198 from "./ss-0198-psa-root-containers";
import ss0199 from "./ss-0199-psa-net-raw";
import ss0200 from "./ss-0200-psa-added-capabilities";
import ss0201 from "./ss-0201-psa-capabilities-assigned";
import ss0202 from "./ss-0202-psa-windows-host-process";
import ss0203 from "./ss-0203-psa-host-path-volumes";
import ss0204 from "./ss-0204-psa-host-ports";
import ss0206 from "./ss-0206-namespaces-have-network-policies";
import ss0209 from "./ss-0209-namespace-administrative-boundaries";
import ss0213 from "./ss-0213-psp-privileged";
import ss0214 from "./ss-0214-psp-host-pid";
import ss0215 from "./ss-0215-psp-host-ipc";
import ss0216 from "./ss-0216-psp-host-network";
import ss0217 from "./ss-0217-psp-privilege-escalation";
import ss0218 from "./ss-0218-psp-root-containers";
import ss0219 from "./ss-0219-psp-added-capabilities";
import ss0220 from "./ss-0220-psp-capabilities-assigned";
import ss0242 from "./ss-0242-hostile-multi-tenant-workloads";
import ss0245 from "./ss-0245-https-load-balancer-tls";
import ss0256 from "./ss-0256-external-facing";
import ss0260 from "./ss-0260-missing-network-policy";
import ss0263 from "./ss-0263-ingress-tls";
import ss0264 from "./ss-0264-persistent-volume-encryption";
import ss0266 from "./ss-0266-gateway-istio-exposure";
import ss0293 from "./ss-0293-service-without-workload";
import ss0298 from "./ss-0298-dangling-ingress-backend";
import ss0299 from "./ss-0299-dangling-network-policy";
import ss0301 from "./ss-0301-agent-sandbox-egress-policy";
import ss0302 from "./ss-0302-dangling-gateway-backend";
import ss1200 from "./ss-1200-load-balancer-source-ranges";
import ss1201 from "./ss-1201-nodeport-service";
import ss1202 from "./ss-1202-service-external-ips";
import ss1203 from "./ss-1203-sensitive-port-exposed";
import ss1204 from "./ss-1204-psa-privileged-namespace";
import ss1205 from "./ss-1205-policy-webhook-fail-open";
import ss1206 from "./ss-1206-policy-webhook-object-selector";
import ss1207 from "./ss-1207-default-deny-ingress";
import ss1208 from "./ss-1208-default-deny-egress";
import ss1209 from "./ss-1209-network-policy-allows-all-ingress";
import ss1210 from "./ss-1210-network-policy-allows-all-egress";
import ss1211 from "./ss-1211-cloud-metadata-reachable";
import ss1212 from "./ss-1212-gateway-listener-without-tls";

/** Controls of the "network" area (network policies, exposure, namespaces and admission), in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0030,
  ss0036,
  ss0039,
  ss0049,
  ss0054,
  ss0192,
  ss0193,
  ss0194,
  ss0195,
  ss0196,
  ss0197,
  ss0198,
  ss0199,
  ss0200,
  ss0201,
  ss0202,
  ss0203,
  ss0204,
  ss0206,
  ss0209,
  ss0213,
  ss0214,
  ss0215,
  ss0216,
  ss0217,
  ss0218,
  ss0219,
  ss0220,
  ss0242,
  ss0245,
  ss0256,
  ss0260,
  ss0263,
  ss0264,
  ss0266,
  ss0293,
  ss0298,
  ss0299,
  ss0301,
  ss0302,
  ss1200,
  ss1201,
  ss1202,
  ss1203,
  ss1204,
  ss1205,
  ss1206,
  ss1207,
  ss1208,
  ss1209,
  ss1210,
  ss1211,
  ss1212,
];
