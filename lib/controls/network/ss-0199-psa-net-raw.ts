import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0199",
  kubescape: "C-0199",
  name: "Namespace admits containers with NET_RAW",
  feature: "keep the NET_RAW capability (container runtimes grant it unless ALL capabilities are dropped)",
  minimumLevel: "restricted",
  severity: "medium",
  rationale:
    "NET_RAW lets a process craft raw packets for ARP or DNS spoofing against neighbouring pods. Runtimes such as containerd grant it by default and the baseline standard does not remove it; only restricted, which requires dropping ALL capabilities, keeps it out.",
  refs: { cis: ["5.2.8"] },
});
