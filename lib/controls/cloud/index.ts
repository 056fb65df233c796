// This area's controls: one import per control file (manual/ holds the CIS manual items), in id order.
import type { Control } from "../../engine/types";
import ss0066 from "./ss-0066-secrets-encrypted-with-cloud-kms";
import ss0067 from "./ss-0067-control-plane-audit-logging";
import ss0068 from "./ss-0068-pod-security-policy-enabled";
import ss0088 from "./ss-0088-rbac-authorization-enabled";
import ss0221 from "./ss-0221-registry-image-scanning";
import ss0222 from "./manual/ss-0222-eks-minimize-ecr-user-access";
import ss0223 from "./ss-0223-eks-node-role-ecr-read-only";
import ss0226 from "./ss-0226-gke-container-optimized-os";
import ss0227 from "./ss-0227-restrict-control-plane-endpoint";
import ss0228 from "./ss-0228-private-endpoint-only";
import ss0229 from "./ss-0229-private-nodes";
import ss0231 from "./ss-0231-aws-https-load-balancer-tls";
import ss0240 from "./ss-0240-aks-network-policy-enabled";
import ss0241 from "./ss-0241-aks-azure-rbac";
import ss0243 from "./manual/ss-0243-aks-image-vulnerability-scanning";
import ss0244 from "./ss-0244-aks-secrets-encrypted";
import ss0247 from "./ss-0247-aks-api-authorized-ip-ranges";
import ss0248 from "./ss-0248-aks-private-cluster";
import ss0249 from "./manual/ss-0249-aks-restrict-untrusted-workloads";
import ss0250 from "./ss-0250-aks-acr-read-only";
import ss0251 from "./manual/ss-0251-aks-minimize-acr-user-access";
import ss0252 from "./ss-0252-aks-private-endpoint-no-public-access";
import ss0254 from "./manual/ss-0254-aks-audit-logs-enabled";
import ss0285 from "./ss-0285-eks-access-entries";
import ss0308 from "./manual/ss-0308-gke-minimize-registry-user-access";
import ss1351 from "./ss-1351-gke-nodes-not-default-service-account";
import ss1352 from "./ss-1352-gke-workload-identity";
import ss1353 from "./ss-1353-gke-metadata-server";
import ss1354 from "./ss-1354-gke-node-auto-repair";
import ss1355 from "./ss-1355-gke-node-auto-upgrade";
import ss1356 from "./ss-1356-gke-release-channel";
import ss1357 from "./ss-1357-gke-shielded-nodes";
import ss1358 from "./ss-1358-gke-integrity-monitoring";
import ss1359 from "./ss-1359-gke-secure-boot";
import ss1360 from "./ss-1360-gke-intranode-visibility";
import ss1361 from "./ss-1361-gke-vpc-native";
import ss1362 from "./ss-1362-gke-client-certificates-disabled";
import ss1363 from "./ss-1363-gke-google-groups-rbac";
import ss1364 from "./ss-1364-gke-boot-disk-cmek";
import ss1365 from "./ss-1365-gke-dashboard-disabled";
import ss1366 from "./ss-1366-gke-no-alpha-cluster";
import ss1367 from "./ss-1367-gke-security-posture";
import ss1368 from "./ss-1368-gke-binary-authorization";
import ss1370 from "./ss-1370-aks-entra-id-authentication";
import ss1371 from "./ss-1371-aks-local-accounts-disabled";
import ss1372 from "./manual/ss-1372-gke-cluster-registry-read-only";
import ss1373 from "./manual/ss-1373-gke-worker-node-firewall";
import ss1374 from "./manual/ss-1374-gke-linux-auditd-logging";
import ss1375 from "./manual/ss-1375-gke-persistent-disk-cmek";
import ss1376 from "./manual/ss-1376-gke-sandbox-untrusted-workloads";
import ss1377 from "./manual/ss-1377-approved-container-registries";
import ss1378 from "./manual/ss-1378-gke-managed-ssl-certificates";

/** Controls of the "cloud" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0066, ss0067, ss0068, ss0088, ss0221, ss0222, ss0223, ss0226,
  ss0227, ss0228, ss0229, ss0231, ss0240, ss0241, ss0243, ss0244,
  ss0247, ss0248, ss0249, ss0250, ss0251, ss0252, ss0254, ss0285,
  ss0308, ss1351, ss1352, ss1353, ss1354, ss1355, ss1356, ss1357,
  ss1358, ss1359, ss1360, ss1361, ss1362, ss1363, ss1364, ss1365,
  ss1366, ss1367, ss1368, ss1370, ss1371, ss1372, ss1373, ss1374,
  ss1375, ss1376, ss1377, ss1378,
];
