import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-1377",
  name: "Container registries are limited to approved ones",
  description:
    "Manual review: the registries workloads may pull from are limited to an approved list, enforced by an admission policy and, where possible, by egress rules.",
  rationale:
    "Each extra registry is another supply-chain source an attacker can abuse; pulls from arbitrary public registries bypass your scanning and signing.",
  severity: "medium",
  category: "images",
  manual: true,
  remediation:
    "Maintain an approved registry list, enforce it with an admission policy (Shipshape's trusted registries setting reports violations), and restrict egress to those registries.",
  refs: {
    cisEks: ["5.1.4"],
    cisAks: ["5.1.4"],
  },
});
