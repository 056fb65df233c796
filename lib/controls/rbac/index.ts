import type { Control } from "../../engine/types";
import ss0002 from "./ss-0002-exec-into-container";
import ss0007 from "./ss-0007-delete-capabilities";
import ss0014 from "./ss-0014-kubernetes-dashboard-access";
import ss0015 from "./ss-0015-list-secrets";
import ss0031 from "./ss-0031-delete-events";
import ss0035 from "./ss-0035-administrative-roles";
import ss0037 from "./ss-0037-coredns-poisoning";
import ss0053 from "./ss-0053-service-account-token-access";
import ss0063 from "./ss-0063-port-forwarding";
import ss0065 from "./ss-0065-impersonation";
import ss0185 from "./ss-0185-cluster-admin-binding";
import ss0186 from "./ss-0186-secrets-access";
import ss0187 from "./ss-0187-wildcard-rules";
import ss0188 from "./ss-0188-create-pods";
import ss0191 from "./ss-0191-bind-escalate-impersonate";
import ss0225 from "./ss-0225-dedicated-service-accounts-eks";
import ss0232 from "./ss-0232-aws-iam-authenticator";
import ss0239 from "./ss-0239-dedicated-service-accounts-aks";
import ss0262 from "./ss-0262-anonymous-bindings";
import ss0265 from "./ss-0265-authenticated-group-sensitive-access";
import ss0267 from "./ss-0267-workload-cluster-takeover";
import ss0272 from "./ss-0272-workload-administrative-roles";
import ss0278 from "./ss-0278-create-persistent-volumes";
import ss0279 from "./ss-0279-node-proxy";
import ss0280 from "./ss-0280-csr-approval";
import ss0281 from "./ss-0281-webhook-configuration-access";
import ss0282 from "./ss-0282-service-account-token-creation";
import ss1400 from "./ss-1400-cluster-admin-equivalent";
import ss1401 from "./ss-1401-read-secrets-cluster-wide";
import ss1402 from "./ss-1402-read-secrets-kube-system";
import ss1403 from "./ss-1403-create-secrets";
import ss1404 from "./ss-1404-create-workloads-kube-system";
import ss1405 from "./ss-1405-write-pod-controllers";
import ss1406 from "./ss-1406-attach-to-containers";
import ss1407 from "./ss-1407-ephemeral-containers";
import ss1408 from "./ss-1408-write-rbac";
import ss1409 from "./ss-1409-certificate-signing";
import ss1410 from "./ss-1410-admission-policy-writes";
import ss1411 from "./ss-1411-crd-writes";
import ss1412 from "./ss-1412-apiservice-writes";
import ss1413 from "./ss-1413-node-writes";
import ss1414 from "./ss-1414-pod-status-writes";
import ss1415 from "./ss-1415-service-status-writes";
import ss1416 from "./ss-1416-traffic-rewiring";
import ss1417 from "./ss-1417-aws-auth-writes";
import ss1418 from "./ss-1418-mutate-pods";
import ss1419 from "./ss-1419-namespace-writes";
import ss1420 from "./ss-1420-default-service-account-permissions";
import ss1421 from "./ss-1421-broad-group-bindings";
import ss1422 from "./ss-1422-dangling-role-references";
import ss1423 from "./ss-1423-non-resource-wildcard";
import ss1424 from "./ss-1424-impersonate-system-masters";
import ss1425 from "./ss-1425-kube-system-token-minting";
import ss1426 from "./ss-1426-kubelet-logs-checkpoint";
import ss1450 from "./ss-1450-attack-path";

/** Controls of the "rbac" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0002, ss0007, ss0014, ss0015, ss0031, ss0035, ss0037, ss0053, ss0063, ss0065,
  ss0185, ss0186, ss0187, ss0188, ss0191, ss0225, ss0232, ss0239, ss0262, ss0265,
  ss0267, ss0272, ss0278, ss0279, ss0280, ss0281, ss0282, ss1400, ss1401, ss1402,
  ss1403, ss1404, ss1405, ss1406, ss1407, ss1408, ss1409, ss1410, ss1411, ss1412,
  ss1413, ss1414, ss1415, ss1416, ss1417, ss1418, ss1419, ss1420, ss1421, ss1422,
  ss1423, ss1424, ss1425, ss1426, ss1450,
];
