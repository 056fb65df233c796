import { defineControl } from "../../engine/define-control";
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import { asList, locate, providerOf } from "./cloud-describe";

/** Operations that change a registry; a role allowing any of them is more than pull access. */
const REGISTRY_WRITES = [
  "Microsoft.ContainerRegistry/registries/push/write",
  "Microsoft.ContainerRegistry/registries/write",
  "Microsoft.ContainerRegistry/registries/delete",
  "Microsoft.ContainerRegistry/registries/artifacts/delete",
];

function globMatches(pattern: string, operation: string): boolean {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
  return re.test(operation);
}

/** The registry write operations a role definition allows (actions minus notActions). */
function registryWrites(definition: unknown): string[] {
  const permissions = asList(locate({ value: definition, path: "" }, "properties", "permissions")?.value);
  const granted = new Set<string>();
  for (const permission of permissions) {
    const p = { value: permission, path: "" };
    const actions = asList(locate(p, "actions")?.value).map(String);
    const notActions = asList(locate(p, "notActions")?.value).map(String);
    for (const op of REGISTRY_WRITES) {
      if (actions.some((a) => globMatches(a, op)) && !notActions.some((n) => globMatches(n, op))) granted.add(op);
    }
  }
  return [...granted];
}

function roleDefinitions(ctx: EvalContext): Map<string, unknown> {
  const byId = new Map<string, unknown>();
  for (const version of ctx.index.byKind("PolicyVersion")) {
    if (providerOf(version) !== "aks") continue;
    for (const def of asList(locate({ value: version.data, path: "data" }, "roleDefinitions")?.value)) {
      const name = String(locate({ value: def, path: "" }, "name")?.value ?? "").toLowerCase();
      if (name) byId.set(name, def);
    }
  }
  return byId;
}

export default defineControl<K8sObject>({
  id: "SS-0250",
  name: "AKS service principals only pull from ACR",
  description:
    "From the Azure role assignments collected for the cluster (`ListEntitiesForPolicies`, with role definitions in `PolicyVersion`), checks that no service principal holds a role allowing writes to container registries (push, delete, registry changes), directly or through wildcards such as Contributor's `*`.",
  rationale:
    "The cluster's identities are reachable from its workloads; if they can push or delete images, a compromised pod can poison the registry every cluster pulls from.",
  severity: "medium",
  category: "cloud",
  needs: ["cloud"],
  kinds: ["ListEntitiesForPolicies"],
  evaluate(obj, ctx) {
    if (providerOf(obj) !== "aks") return null;
    const assignments = locate({ value: obj.data, path: "data" }, "roleAssignments");
    if (!assignments) return null;
    const definitions = roleDefinitions(ctx);
    const violations: Violation[] = [];
    let judged = false;
    asList(assignments.value).forEach((assignment, i) => {
      const a = { value: assignment, path: `${assignments.path}[${i}]` };
      if (String(locate(a, "properties", "principalType")?.value) !== "ServicePrincipal") return;
      const definitionId = String(locate(a, "properties", "roleDefinitionId")?.value ?? "");
      const definition = definitions.get(definitionId.split("/").pop()!.toLowerCase());
      if (!definition) return;
      judged = true;
      const writes = registryWrites(definition);
      if (writes.length) {
        const role = String(locate({ value: definition, path: "" }, "properties", "roleName")?.value ?? definitionId);
        violations.push({
          message: `Service principal ${String(locate(a, "properties", "principalId")?.value)} has role ${role}, which allows ${writes.join(", ")}`,
          paths: [`${a.path}.properties.roleDefinitionId`],
        });
      }
    });
    return judged ? violations : null;
  },
  remediation:
    "Give the cluster's kubelet identity or service principal only the AcrPull role on the registries it uses (`az aks update --attach-acr <registry>`), and remove broader roles such as Contributor or AcrPush from the identities the cluster runs with.",
  refs: {
    kubescape: ["C-0250"],
    cisAks: ["5.1.3"],
  },
});
