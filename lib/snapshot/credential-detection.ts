// What the agent redacts before anything leaves the cluster. It uses the very detector the credential
// controls use (lib/controls/workload-hygiene/credential-detection.ts), so a value the controls would
// call a credential never reaches the backend, and the marker left in its place still fails them.
import {
  credentialPolicyOf,
  credentialReason,
  detectCredentialValue,
  REDACTED_CREDENTIAL_MARKER,
  type CredentialPolicy,
} from "../controls/workload-hygiene/credential-detection";
import { DEFAULT_SETTINGS, type ScanSettings } from "../engine/settings";

/** What the agent puts in place of a literal credential: controls still see one was there. */
export const CREDENTIAL_MARKER = REDACTED_CREDENTIAL_MARKER;
/** Prefix of what the agent puts in place of each Secret value (followed by the value's byte size). */
export const SECRET_VALUE_MARKER_PREFIX = "shipshape:redacted-secret:";

export type { CredentialPolicy };

/** A redaction policy from scan settings (defaults when none): compile once per collection. */
export function redactionPolicy(settings: Partial<ScanSettings> = {}): CredentialPolicy {
  return credentialPolicyOf({ ...DEFAULT_SETTINGS, ...settings });
}

/** True when a literal (name, value) pair must not leave the cluster as is. */
export function isLiteralCredential(name: string, value: unknown, policy: CredentialPolicy): boolean {
  if (typeof value !== "string" || value.length === 0) return false;
  if (value === CREDENTIAL_MARKER) return true;
  return credentialReason(name, value, policy) !== undefined;
}

/** True when a value has the shape of a known credential format, whatever it is stored under. */
export function looksLikeCredentialValue(value: string): boolean {
  return value === CREDENTIAL_MARKER || detectCredentialValue(value) !== undefined;
}

const ASSIGNMENT = /^(\s*(?:export\s+)?["']?([A-Za-z0-9_.\-]+)["']?\s*[:=]\s*)(.*?)(\s*)$/;

/**
 * Redacts credential assignments inside a configuration file's text (`password = hunter2`,
 * `api_key: abc`, `TOKEN=xyz`), line by line, keeping everything else as written.
 */
export function redactConfigText(text: string, policy: CredentialPolicy): string {
  if (!/[:=]/.test(text)) return text;
  let changed = false;
  const lines = text.split("\n").map((line) => {
    const m = line.match(ASSIGNMENT);
    if (!m) return line;
    const raw = m[3].replace(/^["']|["'],?$/g, "");
    if (!raw || raw === CREDENTIAL_MARKER || !isLiteralCredential(m[2], raw, policy)) return line;
    changed = true;
    return `${m[1]}${CREDENTIAL_MARKER}${m[4]}`;
  });
  return changed ? lines.join("\n") : text;
}
