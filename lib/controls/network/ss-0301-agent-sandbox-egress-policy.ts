import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { isUniversalCidr } from "./ip-blocks";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function isObject(value: unknown): value is Record<string, Json> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

function selectorIsScoped(selector: unknown): boolean {
  if (!isObject(selector)) return false;
  const labels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels) : [];
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return labels.length > 0 || expressions.length > 0;
}

/**
 * A peer limits where traffic may go when it names a concrete CIDR (not a whole address family) or
 * selects pods or namespaces by label. Empty peers, empty selectors and 0.0.0.0/0 or ::/0 admit
 * everything they could match.
 */
function peerIsScoped(peer: unknown): boolean {
  if (!isObject(peer)) return false;
  if (isObject(peer.ipBlock)) {
    const cidr = peer.ipBlock.cidr;
    if (typeof cidr === "string" && cidr.trim() !== "" && !isUniversalCidr(cidr)) return true;
  }
  return selectorIsScoped(peer.podSelector) || selectorIsScoped(peer.namespaceSelector);
}

export default defineControl({
  id: "SS-0301",
  name: "Agent sandbox template without a scoped egress policy",
  description:
    "Fails an agent-sandbox SandboxTemplate whose managed network policy is missing, malformed, unmanaged, or has an egress rule that does not limit destinations to specific CIDRs, pods or namespaces.",
  rationale:
    "Sandboxes run code written or chosen by AI agents. Without a tight egress allow-list such code can exfiltrate data, reach the cloud metadata endpoint or pivot into cluster services; the controller's default policy permits public-internet egress.",
  severity: "high",
  category: "network",
  kinds: ["SandboxTemplate"],
  evaluate(template) {
    const spec = isObject(template.spec) ? template.spec : {};
    const management = spec.networkPolicyManagement ?? "Managed";
    if (management !== "Managed") {
      return [
        {
          message: `networkPolicyManagement is "${management}": the controller does not enforce a network policy for these sandboxes`,
          paths: ["spec.networkPolicyManagement"],
        },
      ];
    }
    const policy = spec.networkPolicy;
    if (policy === undefined || policy === null) {
      return [
        {
          message: "no custom networkPolicy: the controller's default policy allows egress to the public internet",
          paths: ["spec.networkPolicy"],
        },
      ];
    }
    if (!isObject(policy)) return [{ message: "networkPolicy is not an object", paths: ["spec.networkPolicy"] }];
    const egress = policy.egress;
    if (egress === undefined || egress === null) return [];
    if (!Array.isArray(egress)) return [{ message: "networkPolicy.egress is not a list", paths: ["spec.networkPolicy.egress"] }];
    const violations: Violation[] = [];
    egress.forEach((rule: Json, i: number) => {
      const to = isObject(rule) ? rule.to : undefined;
      const scoped = Array.isArray(to) && to.length > 0 && to.every(peerIsScoped);
      if (!scoped) {
        violations.push({
          message: `egress rule ${i} does not limit destinations (empty, missing or universal "to" peers)`,
          paths: [`spec.networkPolicy.egress[${i}]`],
        });
      }
    });
    return violations;
  },
  remediation:
    "Keep `networkPolicyManagement: Managed` and set `spec.networkPolicy.egress` to rules whose `to` peers name specific CIDRs (not 0.0.0.0/0 or ::/0) or non-empty pod/namespace selectors; omit egress rules entirely to deny all egress.",
  refs: {
    kubescape: ["C-0301"],
  },
});
