// The control library: every area's controls, in id order.
import type { Control } from "../engine/types";
import { controls as cloud } from "./cloud";
import { controls as controlPlane } from "./control-plane";
import { controls as network } from "./network";
import { controls as node } from "./node";
import { controls as rbac } from "./rbac";
import { controls as workloadHygiene } from "./workload-hygiene";
import { controls as workloadSecurity } from "./workload-security";

/** Bumped whenever a control is added, removed or changes its verdicts (triggers re-scoring). */
export const LIBRARY_VERSION = "2026.11.0";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ALL_CONTROLS: readonly Control<any>[] = [
  ...workloadSecurity,
  ...workloadHygiene,
  ...network,
  ...controlPlane,
  ...node,
  ...rbac,
  ...cloud,
].sort((a, b) => a.id.localeCompare(b.id));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const BY_ID = new Map<string, Control<any>>(ALL_CONTROLS.map((c) => [c.id, c]));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function getControl(id: string): Control<any> | undefined {
  return BY_ID.get(id);
}
