// Pod-bearing objects per namespace, owned ones included (a Pod created by a ReplicaSet still carries
// the labels selectors are written against).
import type { EvalContext, K8sObject } from "../../engine/types";
import { WORKLOAD_KINDS, isWorkload } from "../../engine/workload";

/** Pod-bearing objects of a namespace; objects without a namespace count as "default". */
export function podBearersIn(ctx: EvalContext, namespace: string): K8sObject[] {
  return ctx.cache(`network/pod-bearers/${namespace}`, () => {
    const objects = ctx.index.inNamespace(namespace).filter(isWorkload);
    if (namespace === "default") {
      for (const kind of WORKLOAD_KINDS) {
        for (const o of ctx.index.byKind(kind)) if (!o.metadata?.namespace) objects.push(o);
      }
    }
    return objects;
  });
}
