import { defineControl } from "../../engine/define-control";

export default defineControl({
  id: "SS-1105",
  name: "Long-lived service account token Secret",
  description:
    "Fails for each Secret of type kubernetes.io/service-account-token: a legacy, non-expiring API token for a service account. Other Secrets pass.",
  rationale:
    "Unlike the short-lived tokens pods receive since Kubernetes 1.22, these tokens never expire and are not bound to a pod, so one copied from a backup, a CI log or a Git repository keeps working until the Secret is deleted.",
  severity: "medium",
  category: "secrets",
  kinds: ["Secret"],
  evaluate(secret) {
    if (secret.type !== "kubernetes.io/service-account-token") return [];
    const account = secret.metadata?.annotations?.["kubernetes.io/service-account.name"];
    return [{
      message: `Secret ${secret.metadata?.name ?? ""} holds a non-expiring token${account ? ` for ServiceAccount ${account}` : ""}`,
      paths: ["type"],
    }];
  },
  remediation:
    "Delete the Secret and obtain tokens on demand with the TokenRequest API (kubectl create token, projected volumes); for external systems prefer workload identity federation over static tokens.",
  refs: { mitre: ["T1528"] },
});
