// Controller manager and scheduler serve metrics, health and (with profiling) pprof on
// --bind-address, which defaults to all interfaces (0.0.0.0).
import type { Violation } from "../../engine/types";
import { flagFinding } from "./flag-findings";
import { isLoopbackHost } from "./loopback-address";
import { lastFlag, type ComponentInstance } from "./static-pod-flags";

export function requireLoopbackBind(instance: ComponentInstance): Violation[] {
  const occurrence = lastFlag(instance, "bind-address");
  const fix = "--bind-address=127.0.0.1";
  if (!occurrence) {
    return [flagFinding(instance, undefined, "--bind-address is not set, so the secure port listens on all interfaces (0.0.0.0)", fix)];
  }
  if (isLoopbackHost(occurrence.value)) return [];
  return [flagFinding(instance, occurrence, `--bind-address is ${occurrence.value || "empty"}: the secure port is reachable from other hosts`, fix)];
}
