// Generated list of this area's controls: one import per control file, in id order.
import type { Control } from "../../engine/types";

/** Controls of the "cloud" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
];
