import { isHostSensorObject, nodeInfoFromHostSensor } from "./host-sensor";
import { ObjectIndex } from "./object-index";
import { resolveSettings, type ScanSettings } from "./settings";
import type { ClusterFacts, EvalContext, K8sObject, NodeInfo } from "./types";

/** Builds the evaluation context once per scan. Node facts may come in `nodes` or among `objects`. */
export function buildContext(input: {
  objects: readonly K8sObject[];
  nodes?: readonly NodeInfo[];
  settings?: Partial<ScanSettings>;
  cluster?: ClusterFacts;
}): EvalContext {
  const objects: K8sObject[] = [];
  const nodes: NodeInfo[] = [...(input.nodes ?? [])];
  const hostSensor: K8sObject[] = [];
  for (const obj of input.objects) {
    if (obj.kind === "NodeInfo") nodes.push(obj as NodeInfo);
    else if (isHostSensorObject(obj)) hostSensor.push(obj);
    else objects.push(obj);
  }
  if (hostSensor.length) nodes.push(...nodeInfoFromHostSensor(hostSensor));
  return new ScanContext(new ObjectIndex(objects), resolveSettings(input.settings), nodes, input.cluster ?? {});
}

/**
 * A class, not an object literal with a closure: every scan's `cache` is then the same function, so code
 * optimized for one scan stays valid for the next (a per-scan closure deoptimized every caller of it).
 */
class ScanContext implements EvalContext {
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly index: ObjectIndex,
    readonly settings: ScanSettings,
    readonly nodes: NodeInfo[],
    readonly cluster: ClusterFacts,
  ) {}

  cache<V>(key: string, build: () => V): V {
    // One lookup on the hot path (controls call this per target); `has` only for a cached undefined.
    const known = this.memo.get(key);
    if (known !== undefined || this.memo.has(key)) return known as V;
    const value = build();
    this.memo.set(key, value);
    return value;
  }
}
