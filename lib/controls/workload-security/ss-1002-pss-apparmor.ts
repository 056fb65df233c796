import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { APPARMOR_ANNOTATION_PREFIX, CONFINING_PROFILE_TYPES, isAllowedAppArmorAnnotation, PSS_VERSION_TAG } from "./pod-security-standards";
import { containerSetting, describeContainer, podSetting, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1002",
  name: "AppArmor profile overridden (PSS Baseline)",
  description:
    "Pod Security Standards Baseline \"AppArmor\": fails when the pod or any container sets appArmorProfile.type to something other than RuntimeDefault or Localhost, or when a container.apparmor.security.beta.kubernetes.io/* annotation has a value other than runtime/default or localhost/<profile>.",
  rationale:
    "On AppArmor hosts the runtime confines every container with a default profile; setting Unconfined (or an unknown value) switches that protection off for the container.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const violations: Violation[] = [];
    const podType = podSetting(pod, "appArmorProfile.type");
    if (podType.value !== undefined && !CONFINING_PROFILE_TYPES.has(String(podType.value))) {
      violations.push({ message: `the pod sets AppArmor profile type ${JSON.stringify(podType.value)}`, paths: [podType.path] });
    }
    for (const c of pod.containers) {
      const type = containerSetting(c, "appArmorProfile.type");
      if (type.value !== undefined && !CONFINING_PROFILE_TYPES.has(String(type.value))) {
        violations.push({ message: `${describeContainer(c)} sets AppArmor profile type ${JSON.stringify(type.value)}`, paths: [type.path] });
      }
    }
    for (const [key, value] of Object.entries(pod.annotations)) {
      if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX) || isAllowedAppArmorAnnotation(value)) continue;
      violations.push({
        message: `annotation ${key} sets AppArmor profile ${JSON.stringify(value)}`,
        paths: [`${pod.metadataPath}.annotations[${key}]`],
      });
    }
    return violations;
  },
  remediation: "Remove the Unconfined AppArmor settings, or use `appArmorProfile: {type: RuntimeDefault}` (or a Localhost profile loaded on the nodes).",
  refs: { pss: ["baseline:appArmor"] },
  tags: [PSS_VERSION_TAG],
});
