import type { Control, ControlDefinition, DataNeed, K8sObject } from "./types";

const ID_PATTERN = /^SS-\d{4}$/;

/** Declares a control; validates its shape once at load time so a broken control fails every test run. */
export function defineControl<T = K8sObject>(definition: ControlDefinition<T>): Control<T> {
  if (!ID_PATTERN.test(definition.id)) throw new Error(`control id ${definition.id} must look like SS-0000`);
  if (!definition.name || !definition.description || !definition.remediation) {
    throw new Error(`control ${definition.id} needs a name, a description and a remediation`);
  }
  if (!definition.manual && !definition.evaluate) {
    throw new Error(`control ${definition.id} must be manual or have an evaluate function`);
  }
  if (!definition.manual && !definition.kinds?.length && !definition.targets) {
    throw new Error(`control ${definition.id} must declare kinds or targets`);
  }
  const needs: DataNeed[] = definition.needs ?? ["api"];
  return Object.freeze({ ...definition, needs });
}
