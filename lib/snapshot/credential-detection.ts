// Decides whether an env var or ConfigMap entry holds a literal credential, by its key name or by the
// shape of its value. Shared by the agent's redaction and the engine's credential controls.

/** What the agent puts in place of a literal credential: controls still see one was there. */
export const CREDENTIAL_MARKER = "shipshape:redacted-credential";
/** Prefix of what the agent puts in place of each Secret value (followed by the value's byte size). */
export const SECRET_VALUE_MARKER_PREFIX = "shipshape:redacted-secret:";

const DEFAULT_SENSITIVE_NAME_FRAGMENTS = [
  "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "access_key", "accesskey",
  "private_key", "privatekey", "credential", "auth", "jwt", "bearer", "session_key", "client_secret",
  "connection_string", "connectionstring", "dsn",
];

/** Key names that contain a fragment above but are configuration, not secrets. */
const NON_SECRET_NAMES = /(^|_|-|\.)(path|file|dir|url|uri|endpoint|host|port|enabled|enable|disabled|mode|type|ttl|timeout|expiry|expires|length|size|name|id|header|method|provider|issuer|audience|policy|ref|version)$/i;

/** Value shapes of well-known credential formats. */
const CREDENTIAL_VALUE_PATTERNS: RegExp[] = [
  /^(AKIA|ASIA)[0-9A-Z]{16}$/, // AWS access key id
  /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/, // JWT
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/, // PEM private key
  /^gh[pousr]_[A-Za-z0-9]{30,}$/, // GitHub token
  /^xox[abposr]-[A-Za-z0-9-]{10,}$/, // Slack token
  /^sk_(live|test)_[A-Za-z0-9]{16,}$/, // Stripe key
  /^AIza[0-9A-Za-z_-]{35}$/, // Google API key
  /^glpat-[A-Za-z0-9_-]{20,}$/, // GitLab token
  /^[a-z][a-z0-9+.-]*:\/\/[^:/\s]+:[^@/\s]+@/i, // URL with user:password@
];

export function looksLikeCredentialValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || v === CREDENTIAL_MARKER) return v === CREDENTIAL_MARKER;
  return CREDENTIAL_VALUE_PATTERNS.some((re) => re.test(v));
}

export function isSensitiveKeyName(name: string, fragments: readonly string[] = DEFAULT_SENSITIVE_NAME_FRAGMENTS): boolean {
  const lower = name.toLowerCase();
  if (NON_SECRET_NAMES.test(lower)) return false;
  return fragments.some((f) => lower.includes(f.toLowerCase()));
}

/** True when a literal (key, value) pair should never leave the cluster as is. */
export function isLiteralCredential(name: string, value: unknown, fragments?: readonly string[]): boolean {
  if (typeof value !== "string" || value.length === 0) return false;
  if (value === CREDENTIAL_MARKER) return true;
  // Placeholders and references are not credentials.
  if (/^\$\(.+\)$|^\$\{.+\}$/.test(value.trim())) return false;
  return isSensitiveKeyName(name, fragments) || looksLikeCredentialValue(value);
}
