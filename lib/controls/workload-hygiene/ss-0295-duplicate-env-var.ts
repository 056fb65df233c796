import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { containersOfObject } from "./container-resources";

export default defineControl({
  id: "SS-0295",
  name: "Duplicate environment variable",
  description: "Fails when a container (regular, init or ephemeral) lists the same name more than once in env.",
  rationale:
    "Only the last entry takes effect, so a reviewer reading the first one is misled, and tools that merge patches (kustomize, Helm, kubectl apply) may keep a different one than intended.",
  severity: "low",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const violations: Violation[] = [];
    for (const { container, path } of containersOfObject(obj)) {
      const positions = new Map<string, number[]>();
      (Array.isArray(container.env) ? container.env : []).forEach((e: { name?: unknown }, j: number) => {
        if (typeof e?.name !== "string") return;
        positions.set(e.name, [...(positions.get(e.name) ?? []), j]);
      });
      for (const [name, list] of positions) {
        if (list.length < 2) continue;
        violations.push({
          message: `container "${container.name ?? "(unnamed)"}" defines ${name} ${list.length} times; only the last one applies`,
          paths: list.map((j) => `${path}.env[${j}].name`),
        });
      }
    }
    return violations;
  },
  remediation: "Keep a single entry per variable name in each container's env list.",
  refs: { kubescape: ["C-0295"] },
});
