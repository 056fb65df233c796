import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-1378",
  name: "GKE Ingresses use Google-managed certificates",
  description:
    "Manual review: external HTTPS Ingresses use Google-managed certificates (ManagedCertificate) rather than hand-managed ones, and public Services of type LoadBalancer are replaced by Ingresses.",
  rationale:
    "Hand-managed certificates expire or get copied around; managed certificates are issued, renewed and stored by Google.",
  severity: "low",
  category: "network",
  manual: true,
  remediation:
    "Create ManagedCertificate objects and reference them with the `networking.gke.io/managed-certificates` annotation on your Ingresses.",
  refs: {
    cisGke: ["5.6.7"],
  },
});
