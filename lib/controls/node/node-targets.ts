// Node controls evaluate NodeInfo objects, which live in ctx.nodes (not in the object index).
import { defineControl } from "../../engine/define-control";
import type { Control, ControlDefinition, EvalContext, EvalTarget, NodeInfo, ObjectRef } from "../../engine/types";

export function nodeRef(node: NodeInfo): ObjectRef {
  return {
    apiVersion: node.apiVersion,
    kind: "NodeInfo",
    name: node.metadata?.name || node.spec?.nodeName || "unknown-node",
  };
}

/** One target per NodeInfo of the scan. */
export function nodeTargets(ctx: EvalContext): EvalTarget<NodeInfo>[] {
  return ctx.nodes.map((node) => ({ resource: { object: nodeRef(node) }, value: node }));
}

/** A control evaluated once per NodeInfo: fills in the node category, data need and targets. */
export function defineNodeControl(
  definition: Omit<ControlDefinition<NodeInfo>, "category" | "needs" | "kinds" | "targets"> & {
    category?: ControlDefinition<NodeInfo>["category"];
  },
): Control<NodeInfo> {
  return defineControl<NodeInfo>({
    category: "node",
    ...definition,
    needs: ["node"],
    kinds: ["NodeInfo"],
    targets: nodeTargets,
  });
}
