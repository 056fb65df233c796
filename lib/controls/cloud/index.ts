// Generated list of this area's controls: one import per control file, in id order.
import type { Control } from "../../engine/types";
import ss0066 from "./ss-0066-secrets-encrypted-with-cloud-kms";
import ss0067 from "./ss-0067-control-plane-audit-logging";
import ss0068 from "./ss-0068-pod-security-policy-enabled";
import ss0088 from "./ss-0088-rbac-authorization-enabled";
import ss0221 from "./ss-0221-registry-image-scanning";
import ss0223 from "./ss-0223-eks-node-role-ecr-read-only";
import ss0226 from "./ss-0226-gke-container-optimized-os";
import ss0227 from "./ss-0227-restrict-control-plane-endpoint";
import ss0228 from "./ss-0228-private-endpoint-only";
import ss0229 from "./ss-0229-private-nodes";
import ss0231 from "./ss-0231-aws-https-load-balancer-tls";
import ss0240 from "./ss-0240-aks-network-policy-enabled";
import ss0241 from "./ss-0241-aks-azure-rbac";
import ss0244 from "./ss-0244-aks-secrets-encrypted";
import ss0247 from "./ss-0247-aks-api-authorized-ip-ranges";
import ss0248 from "./ss-0248-aks-private-cluster";
import ss0250 from "./ss-0250-aks-acr-read-only";
import ss0252 from "./ss-0252-aks-private-endpoint-no-public-access";
import ss0285 from "./ss-0285-eks-access-entries";

/** Controls of the "cloud" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0066, ss0067, ss0068, ss0088, ss0221, ss0223, ss0226, ss0227,
  ss0228, ss0229, ss0231, ss0240, ss0241, ss0244, ss0247, ss0248,
  ss0250, ss0252, ss0285,
];
