import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { unconfiningProfileTypes } from "./pod-hardening-checks";
import { APPARMOR_ANNOTATION_PREFIX, isAllowedAppArmorAnnotation, PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

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
    const types = unconfiningProfileTypes(pod, "appArmorProfile", "AppArmor");
    let annotations: Violation[] | undefined;
    for (const key of Object.keys(pod.annotations)) {
      const value = pod.annotations[key];
      if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX) || isAllowedAppArmorAnnotation(value)) continue;
      (annotations ??= []).push({
        message: `annotation ${key} sets AppArmor profile ${JSON.stringify(value)}`,
        paths: [`${pod.metadataPath}.annotations[${key}]`],
      });
    }
    return annotations ? [...types, ...annotations] : types;
  },
  remediation: "Remove the Unconfined AppArmor settings, or use `appArmorProfile: {type: RuntimeDefault}` (or a Localhost profile loaded on the nodes).",
  refs: { pss: ["baseline:appArmor"] },
  tags: [PSS_VERSION_TAG],
});
