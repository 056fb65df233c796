import { SECRET_VALUE_MARKER_PREFIX } from "@/lib/snapshot/credential-detection";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * Why an uploaded body must not be stored, or null. The agent never sends Secret values
 * (lib/snapshot/normalize.ts); a body that still carries them comes from a broken or foreign
 * client, and is refused rather than silently stored.
 */
export function unredactedSecretProblem(body: Record<string, unknown>): string | null {
  if (body.kind !== "Secret") return null;
  if (body.stringData !== undefined) return "a Secret with stringData (Secret values must be redacted by the agent)";
  const annotations = (body.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
  if (annotations && LAST_APPLIED in annotations) return `a Secret with the ${LAST_APPLIED} annotation (it repeats the Secret's values)`;
  const data = body.data;
  if (data === undefined) return null;
  if (!data || typeof data !== "object" || Array.isArray(data)) return "a Secret whose data is not a map";
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value !== "string" || !value.startsWith(SECRET_VALUE_MARKER_PREFIX)) {
      return `a Secret whose data.${key} is not redacted (Secret values must never leave the cluster)`;
    }
  }
  return null;
}
