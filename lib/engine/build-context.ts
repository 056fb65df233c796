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
  const memo = new Map<string, unknown>();
  return {
    index: new ObjectIndex(objects),
    settings: resolveSettings(input.settings),
    nodes,
    cluster: input.cluster ?? {},
    cache<V>(key: string, build: () => V): V {
      // One lookup on the hot path (controls call this per target); `has` only for a cached undefined.
      const known = memo.get(key);
      if (known !== undefined || memo.has(key)) return known as V;
      const value = build();
      memo.set(key, value);
      return value;
    },
  };
}
