import type { Control } from "../../engine/types";

/** Controls of the "node" area, in id order. */
export const controls: Control<any>[] = [];
