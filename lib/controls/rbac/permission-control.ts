// Shared shape of the RBAC controls: the scan's RBAC model (built once per scan), subject targets, and
// a definer for "subjects whose bindings give capability X" controls.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlDefinition, EvalContext, EvalTarget, SubjectRef, Violation } from "../../engine/types";
import { grantSearch, type FindGrantsOptions, type GrantSearch } from "../../rbac/grant-findings";
import { buildRbacModel, type BindingNode, type RbacModel } from "../../rbac/model";
import type { PermissionPattern } from "../../rbac/permission-patterns";

/**
 * What a passing target returns: one shared, frozen list (the engine keeps only failing targets'
 * lists), so the some 50,000 passing evaluations of a scan allocate nothing.
 */
export const NO_VIOLATIONS = Object.freeze([]) as unknown as Violation[];

// The model lives in ctx.cache("rbac"); this map only saves the closure that asking for it costs
// (controls ask once per target, some 50,000 times a scan).
const models = new WeakMap<EvalContext, RbacModel>();

/** The scan's RBAC model, built on first use and shared by every control of the scan. */
export function rbacModelOf(ctx: EvalContext): RbacModel {
  let model = models.get(ctx);
  if (!model) models.set(ctx, (model = ctx.cache("rbac", () => buildRbacModel(ctx.index))));
  return model;
}

/**
 * Every subject named in at least one binding (the resources of subject-aggregated controls). Built
 * once per scan: some forty controls walk the same list, and the shared resource objects let the
 * engine key each subject once.
 */
export function subjectTargets(ctx: EvalContext): readonly EvalTarget<SubjectRef>[] {
  return ctx.cache("rbac:subject-targets", () => subjectTargetsOf(rbacModelOf(ctx)));
}

function subjectTargetsOf(model: RbacModel): EvalTarget<SubjectRef>[] {
  const targets: EvalTarget<SubjectRef>[] = [];
  for (const { subject } of model.subjects()) targets.push({ resource: { subject }, value: subject });
  return targets;
}

type SubjectControlBase = Omit<ControlDefinition<SubjectRef>, "targets" | "evaluate" | "category"> & {
  category?: ControlDefinition<SubjectRef>["category"];
};

export interface PermissionControlDefinition extends SubjectControlBase {
  /** The capability as request patterns; any pattern granted fails the subject. */
  patterns: readonly PermissionPattern[];
  /** Completes "<subject> …" in messages, e.g. "can read Secrets". */
  capability: string;
  grantFilter?: FindGrantsOptions["filter"];
  /** Subjects the control is about (others are not applicable). */
  appliesTo?: (subject: SubjectRef) => boolean;
}

/** A subject-aggregated control that fails each subject whose own bindings grant the capability. */
export function definePermissionControl(definition: PermissionControlDefinition): Control<SubjectRef> {
  const { patterns, capability, grantFilter, appliesTo, ...rest } = definition;
  // The scan's search, found with one lookup per subject instead of three.
  const searches = new WeakMap<EvalContext, GrantSearch>();
  return defineControl<SubjectRef>({
    category: "access-control",
    ...rest,
    targets: subjectTargets,
    evaluate(subject, ctx) {
      if (appliesTo && !appliesTo(subject)) return null;
      let search = searches.get(ctx);
      if (!search) searches.set(ctx, (search = grantSearch(rbacModelOf(ctx), patterns)));
      // Most subjects lack any given capability: answered by one lookup.
      if (!search.mayGrant(subject)) return NO_VIOLATIONS;
      return search.ownViolations(subject, capability, grantFilter);
    },
  });
}

/** Every RoleBinding and ClusterRoleBinding, as targets reported on the binding object (built once per scan). */
export function bindingTargets(ctx: EvalContext): readonly EvalTarget<BindingNode>[] {
  return ctx.cache("rbac:binding-targets", () => bindingTargetsOf(rbacModelOf(ctx)));
}

function bindingTargetsOf(model: RbacModel): EvalTarget<BindingNode>[] {
  const targets: EvalTarget<BindingNode>[] = [];
  for (const binding of model.bindings) targets.push({ resource: { object: binding.ref }, value: binding });
  return targets;
}
