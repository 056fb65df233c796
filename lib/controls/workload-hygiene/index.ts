import type { Control } from "../../engine/types";

/** Controls of the "workload-hygiene" area, in id order. */
export const controls: Control<any>[] = [];
