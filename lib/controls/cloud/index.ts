import type { Control } from "../../engine/types";

/** Controls of the "cloud" area, in id order. */
export const controls: Control<any>[] = [];
