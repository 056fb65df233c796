import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { compareVersions, formatVersion, parseVersion, versionInRange } from "./image-reference";
import { ingressNginxControllersOf, snippetAnnotationSetting } from "./ingress-nginx";
import { NO_VIOLATIONS } from "./container-resources";

// The allow-snippet-annotations switch arrived in 0.49.3 and 1.0.5 (default true); 1.9.0 turned it off by default.
const WITHOUT_SWITCH: [string | undefined, string][] = [[undefined, "0.49.3"], ["1.0.0", "1.0.5"]];
const DEFAULT_OFF_FROM = parseVersion("1.9.0")!;

export default defineControl({
  id: "SS-0059",
  name: "ingress-nginx allows snippet annotations (CVE-2021-25742)",
  description:
    "Fails when an ingress-nginx controller predates the allow-snippet-annotations switch (before 0.49.3, or 1.0.0 to 1.0.4), or its ConfigMap enables snippets, or it runs a version where snippets default to on (before 1.9.0) without the ConfigMap turning them off. Controllers whose tag carries no version are judged only on an explicit setting.",
  rationale:
    "Snippet annotations inject raw NGINX configuration; anyone who can create an Ingress can use them to read the controller's service-account token and, through it, every Secret in the cluster.",
  severity: "high",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const controllers = ingressNginxControllersOf(obj);
    if (!controllers.length) return null;
    let violations: Violation[] | undefined;
    for (const controller of controllers) {
      const imagePath = `${controller.path}.image`;
      const version = controller.version;
      if (version && WITHOUT_SWITCH.some(([lo, hi]) => versionInRange(version, lo, hi))) {
        (violations ??= []).push({
          message: `ingress-nginx ${formatVersion(version)} cannot disable snippet annotations (CVE-2021-25742)`,
          paths: [imagePath],
        });
        continue;
      }
      const setting = snippetAnnotationSetting(obj, controller, ctx);
      if (setting?.value === "true") {
        (violations ??= []).push({
          message: `ConfigMap ${setting.configMap.metadata?.name ?? ""} enables allow-snippet-annotations for the ingress-nginx controller`,
          paths: [imagePath],
          related: [refOf(setting.configMap)],
        });
      } else if (!setting && version && compareVersions(version, DEFAULT_OFF_FROM) < 0) {
        (violations ??= []).push({
          message: `ingress-nginx ${formatVersion(version)} allows snippet annotations by default and no ConfigMap sets allow-snippet-annotations: "false"`,
          paths: [imagePath],
        });
      }
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Upgrade ingress-nginx (1.9.0 or later disables snippets by default) and set allow-snippet-annotations: \"false\" in the controller's ConfigMap; if snippets are needed, restrict who can create Ingresses.",
  refs: { kubescape: ["C-0059"], nsa: ["cve-mitigation"], mitre: ["T1190"] },
});
