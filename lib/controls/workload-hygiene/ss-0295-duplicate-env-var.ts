import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { containersOfObject, NO_VIOLATIONS } from "./container-resources";

/** Env lists up to this long are compared pairwise: cheaper than filling a set, and allocation-free. */
const PAIRWISE_UP_TO = 16;

/** Whether two entries share a name: nearly every env list has none, and then nothing else is built. */
function hasDuplicateName(env: readonly unknown[]): boolean {
  if (env.length <= PAIRWISE_UP_TO) {
    for (let i = 1; i < env.length; i++) {
      const name = (env[i] as { name?: unknown })?.name;
      if (typeof name !== "string") continue;
      for (let j = 0; j < i; j++) if ((env[j] as { name?: unknown })?.name === name) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const e of env) {
    const name = (e as { name?: unknown })?.name;
    if (typeof name !== "string") continue;
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}

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
    let violations: Violation[] | undefined;
    for (const { container, path } of containersOfObject(obj)) {
      const env: unknown = container.env;
      if (!Array.isArray(env) || env.length < 2 || !hasDuplicateName(env)) continue;
      const positions = new Map<string, number[]>();
      env.forEach((e, j) => {
        const name = (e as { name?: unknown })?.name;
        if (typeof name !== "string") return;
        positions.set(name, [...(positions.get(name) ?? []), j]);
      });
      for (const [name, list] of positions) {
        if (list.length < 2) continue;
        (violations ??= []).push({
          message: `container "${container.name ?? "(unnamed)"}" defines ${name} ${list.length} times; only the last one applies`,
          paths: list.map((j) => `${path}.env[${j}].name`),
        });
      }
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation: "Keep a single entry per variable name in each container's env list.",
  refs: { kubescape: ["C-0295"] },
});
