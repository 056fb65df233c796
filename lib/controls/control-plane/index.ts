import type { Control } from "../../engine/types";

/** Controls of the "control-plane" area, in id order. */
export const controls: Control<any>[] = [];
