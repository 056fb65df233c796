// Workload hygiene, images and credentials: resources, probes, image provenance and pull policy,
// credentials in env and ConfigMaps, service-account tokens, default namespace, known CVEs in images.
import type { Control } from "../../engine/types";
import ss0001 from "./ss-0001-forbidden-registry";
import ss0004 from "./ss-0004-memory-limit-and-request";
import ss0009 from "./ss-0009-resource-limits";
import ss0012 from "./ss-0012-credentials-in-configuration";
import ss0018 from "./ss-0018-readiness-probe";
import ss0021 from "./ss-0021-exposed-sensitive-interface";
import ss0026 from "./ss-0026-cronjob";
import ss0034 from "./ss-0034-service-account-token-automount";
import ss0042 from "./ss-0042-ssh-server";
import ss0050 from "./ss-0050-cpu-limit-and-request";
import ss0056 from "./ss-0056-liveness-probe";
import ss0059 from "./ss-0059-ingress-nginx-snippet-annotations";
import ss0061 from "./ss-0061-workload-in-default-namespace";
import ss0062 from "./ss-0062-sudo-in-entrypoint";
import ss0073 from "./ss-0073-naked-pod";
import ss0075 from "./ss-0075-image-pull-policy";
import ss0076 from "./ss-0076-label-usage";
import ss0077 from "./ss-0077-kubernetes-common-labels";
import ss0078 from "./ss-0078-untrusted-registry";
import ss0081 from "./ss-0081-argocd-cve-2022-24348";
import ss0087 from "./ss-0087-containerd-cve-2022-23648";
import ss0090 from "./ss-0090-grafana-cve-2022-39328";
import ss0091 from "./ss-0091-kyverno-cve-2022-47633";
import ss0189 from "./ss-0189-default-service-account-used";
import ss0207 from "./ss-0207-secrets-in-env";
import ss0212 from "./ss-0212-default-namespace-used";
import ss0233 from "./ss-0233-fargate-for-untrusted-workloads";
import ss0234 from "./ss-0234-external-secret-storage";
import ss0236 from "./ss-0236-image-signature-not-verified";
import ss0237 from "./ss-0237-image-signature-missing";
import ss0253 from "./ss-0253-deprecated-k8s-registry";
import ss0255 from "./ss-0255-workload-secret-access";
import ss0257 from "./ss-0257-workload-pvc-access";
import ss0258 from "./ss-0258-workload-configmap-access";
import ss0259 from "./ss-0259-workload-credential-access";
import ss0261 from "./ss-0261-bound-service-account-token-mounted";
import ss0268 from "./ss-0268-cpu-requests";
import ss0269 from "./ss-0269-memory-requests";
import ss0270 from "./ss-0270-cpu-limits";
import ss0271 from "./ss-0271-memory-limits";
import ss0292 from "./ss-0292-ingress-nginx-end-of-life";
import ss0294 from "./ss-0294-deprecated-service-account-field";
import ss0295 from "./ss-0295-duplicate-env-var";
import ss0296 from "./ss-0296-mismatching-selector";
import ss0300 from "./ss-0300-dangling-hpa-target";
import ss0303 from "./ss-0303-agent-sandbox-resource-ceilings";
import ss0304 from "./ss-0304-agent-sandbox-image-provenance";
import ss0305 from "./ss-0305-no-rolling-update";
import ss0306 from "./ss-0306-image-not-pinned-to-digest";
import ss0307 from "./ss-0307-non-existent-service-account";
import ss1100 from "./ss-1100-mutable-image-tag";
import ss1101 from "./ss-1101-replicated-workload-without-pdb";
import ss1102 from "./ss-1102-pdb-blocks-disruptions";
import ss1103 from "./ss-1103-single-replica-deployment";
import ss1104 from "./ss-1104-hpa-target-without-requests";
import ss1105 from "./ss-1105-legacy-service-account-token-secret";
import ss1106 from "./ss-1106-invalid-image-reference";

/** Controls of the "workload-hygiene" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0001,
  ss0004,
  ss0009,
  ss0012,
  ss0018,
  ss0021,
  ss0026,
  ss0034,
  ss0042,
  ss0050,
  ss0056,
  ss0059,
  ss0061,
  ss0062,
  ss0073,
  ss0075,
  ss0076,
  ss0077,
  ss0078,
  ss0081,
  ss0087,
  ss0090,
  ss0091,
  ss0189,
  ss0207,
  ss0212,
  ss0233,
  ss0234,
  ss0236,
  ss0237,
  ss0253,
  ss0255,
  ss0257,
  ss0258,
  ss0259,
  ss0261,
  ss0268,
  ss0269,
  ss0270,
  ss0271,
  ss0292,
  ss0294,
  ss0295,
  ss0296,
  ss0300,
  ss0303,
  ss0304,
  ss0305,
  ss0306,
  ss0307,
  ss1100,
  ss1101,
  ss1102,
  ss1103,
  ss1104,
  ss1105,
  ss1106,
];

/** The agent writes this in place of credential-looking values; SS-0012 and SS-0259 count it as a literal credential. */
export { REDACTED_CREDENTIAL_MARKER } from "./credential-detection";
