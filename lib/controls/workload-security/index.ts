import type { Control } from "../../engine/types";
import ss0057 from "./ss-0057-privileged-container";

/** Controls of the "workload-security" area. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [ss0057];
