import type { Control } from "../../engine/types";

/** Controls of the "rbac" area, in id order. */
export const controls: Control<any>[] = [];
