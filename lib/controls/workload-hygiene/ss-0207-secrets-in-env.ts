import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { containersInSpec, NO_VIOLATIONS, podSpecLocationOf } from "./container-resources";
import { ALL_CONTAINER_GROUPS } from "./container-images";

const NO_ITEMS: readonly unknown[] = Object.freeze([]);

export default defineControl({
  id: "SS-0207",
  name: "Secrets exposed as environment variables",
  description:
    "Fails when any container (regular, init or ephemeral) reads a Secret into environment variables, through env[].valueFrom.secretKeyRef or envFrom[].secretRef.",
  rationale:
    "Environment variables leak: they are inherited by every child process, printed by crash handlers and debug endpoints, visible in /proc and often logged. Secrets mounted as files stay put, can be read only by the process that needs them, and are updated in place when rotated.",
  severity: "medium",
  category: "secrets",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const at = podSpecLocationOf(obj);
    if (!at) return null;
    let violations: Violation[] | undefined;
    for (const { container, path } of containersInSpec(at, ALL_CONTAINER_GROUPS)) {
      const name = container.name ?? "(unnamed)";
      const env: readonly unknown[] = Array.isArray(container.env) ? container.env : NO_ITEMS;
      for (let j = 0; j < env.length; j++) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const e = env[j] as any;
        const ref = e?.valueFrom?.secretKeyRef;
        if (typeof ref?.name !== "string") continue;
        (violations ??= []).push({
          message: `container "${name}" reads Secret ${ref.name} into the environment variable ${e.name}`,
          paths: [`${path}.env[${j}].name`],
        });
      }
      const envFrom: readonly unknown[] = Array.isArray(container.envFrom) ? container.envFrom : NO_ITEMS;
      for (let j = 0; j < envFrom.length; j++) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const ref = (envFrom[j] as any)?.secretRef;
        if (typeof ref?.name !== "string") continue;
        (violations ??= []).push({
          message: `container "${name}" imports every key of Secret ${ref.name} as environment variables`,
          paths: [`${path}.envFrom[${j}].secretRef`],
        });
      }
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Mount the Secret as a read-only volume (optionally only the keys needed, via items) and have the application read the file; most frameworks accept a *_FILE variant of their settings.",
  refs: { kubescape: ["C-0207"], cis: ["5.4.1"], cisEks: ["4.4.1"], cisAks: ["4.4.1"], cisGke: ["4.4.1"], mitre: ["T1552.007"] },
});
