import type { Control } from "../../engine/types";

/** Controls of the "network" area, in id order. */
export const controls: Control<any>[] = [];
