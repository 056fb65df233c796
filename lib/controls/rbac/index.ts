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

/** Controls of the "rbac" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0002, ss0007, ss0014, ss0015, ss0031, ss0035, ss0037, ss0053, ss0063, ss0065,
  ss0185, ss0186, ss0187, ss0188, ss0191, ss0225, ss0232, ss0239, ss0262, ss0265,
  ss0267, ss0272, ss0278, ss0279, ss0280, ss0281, ss0282,
];
