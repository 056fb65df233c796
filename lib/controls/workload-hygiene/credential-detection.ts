// Deciding whether a literal value in a manifest (an env var, a ConfigMap entry, a command-line flag)
// is a credential: by the name it is stored under, by its shape (private keys, cloud and SaaS tokens),
// or because the agent already redacted it.
import type { ScanSettings } from "../../engine/settings";
import type { EvalContext } from "../../engine/types";

/**
 * The string the agent writes in place of a credential-looking value before a snapshot leaves the
 * cluster. A value that is, or contains, the marker was a literal credential.
 */
export const REDACTED_CREDENTIAL_MARKER = "shipshape:redacted-credential";

/** The marker's bracketed spelling, accepted as the same thing. */
const REDACTED_CREDENTIAL_ALIAS = "<redacted:credential>";

export function isRedactedCredential(value: string): boolean {
  return value.includes(REDACTED_CREDENTIAL_MARKER) || value.includes(REDACTED_CREDENTIAL_ALIAS);
}

/** Splits an identifier into lower-case words: `DB_PASSWORD`, `dbPassword`, `db-password`, `APIKey` → db/password, api/key. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

// Words that make a name describe where or how a credential is used rather than hold it:
// `TOKEN_PATH=/var/run/…`, `SECRET_NAME=db-creds`, `TOKEN_TTL=3600`, `PASSWORD_MIN_LENGTH=12`.
const DESCRIPTIVE_LAST_WORDS = new Set([
  "path", "paths", "file", "files", "filename", "filepath", "dir", "directory", "location", "mount", "mountpath",
  "name", "names", "ref", "reference", "ttl", "timeout", "expiry", "expiration", "expires", "lifetime", "duration",
  "interval", "period", "enabled", "enable", "disabled", "disable", "required", "length", "size", "type", "algorithm",
  "alg", "header", "issuer", "audience", "url", "uri", "endpoint", "host", "port", "format", "field", "prefix",
  "suffix", "mode", "policy", "version", "count", "limit", "max", "min", "rotation", "namespace", "kind",
  "provider", "store", "manager", "scope", "scopes", "cache", "retries", "retry", "delay", "seconds", "minutes",
  "hours", "days", "ms", "id", "selector", "selectors", "filter", "converter", "serializer", "deserializer", "class",
  "domain", "schema", "label", "labels", "annotation", "annotations",
]);

// Words that, anywhere in a name, make it about something other than a secret value.
const METADATA_WORDS = new Set(["image", "public", "pub", "pubkey", "label", "selector", "annotation"]);

// First words that make the whole name a switch about credentials: `ALLOW_EMPTY_PASSWORD=yes`.
const SWITCH_FIRST_WORDS = new Set(["allow", "enable", "enabled", "disable", "disabled", "require", "skip"]);

/** Names whose last word is `id` are still credentials for these (AWS_ACCESS_KEY_ID and friends). */
const CREDENTIAL_ID_PAIRS = [["access", "key", "id"]];

/**
 * True when `name` contains one of the sensitive names as a word or word sequence (`DB_PASSWORD`
 * matches `password`; `AWS_SECRET_ACCESS_KEY` matches `aws_secret_access_key`), or as the tail of a
 * compound word (`APIKEY`, `authToken`), plurals included (`DB_CREDENTIALS`) except for `tokens`,
 * which usually counts text tokens; `KEYCLOAK_URL` and `MAX_TOKENS` do not match `key`/`token`.
 */
export function hasSensitiveName(name: string, sensitiveNames: readonly string[]): boolean {
  return matchesSensitiveWords(identifierWords(name), sensitiveNamesAsWords(sensitiveNames));
}

function sensitiveNamesAsWords(sensitiveNames: readonly string[]): string[][] {
  return sensitiveNames.filter((n): n is string => typeof n === "string").map(identifierWords).filter((w) => w.length > 0);
}

function matchesSensitiveWords(words: readonly string[], sensitive: readonly (readonly string[])[]): boolean {
  if (!words.length) return false;
  for (const needle of sensitive) {
    if (needle.length === 1) {
      const [w] = needle;
      const plural = w === "token" ? undefined : `${w}s`;
      if (words.some((word) => word === w || word === plural || (word.length > w.length && word.endsWith(w)))) return true;
      continue;
    }
    for (let i = 0; i + needle.length <= words.length; i++) {
      if (needle.every((w, k) => words[i + k] === w)) return true;
    }
  }
  return false;
}

/**
 * True when the name only describes a credential (its path, its TTL, its Secret's name, a switch
 * about it, the image that handles it) or names public key material, not a secret itself.
 */
export function namesCredentialMetadata(name: string): boolean {
  const words = identifierWords(name);
  if (SWITCH_FIRST_WORDS.has(words[0] ?? "")) return true;
  if (words.some((w) => METADATA_WORDS.has(w) || w.startsWith("public"))) return true;
  const last = words[words.length - 1];
  if (!last || !DESCRIPTIVE_LAST_WORDS.has(last)) return false;
  if (last === "id") {
    return !CREDENTIAL_ID_PAIRS.some((pair) => pair.every((w, k) => words[words.length - pair.length + k] === w));
  }
  return true;
}


// Values that cannot be a secret whatever they are called: references to other variables or files,
// template placeholders, booleans, and public key material.
const REFERENCE_VALUE = [
  /^\$\([A-Za-z_][A-Za-z0-9_.-]*\)$/, // Kubernetes dependent variable $(OTHER_VAR)
  /^\$\{[^}]+\}$/, // ${VAR} placeholders
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR expanded by a shell
  /^<[^<>]*>$/, // <change-me> placeholders
  /^\{\{.*\}\}$/s, // unrendered templates
  /^%\([A-Za-z_]+\)s$/,
  /^(?:\/|\.\.?\/|~\/)/, // file paths
  /^(?:true|false|yes|no|on|off)$/i,
  /^-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----/,
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-[a-z0-9]+|sk-(?:ssh|ecdsa)-[a-z0-9@.-]+) [A-Za-z0-9+/=]+/, // SSH public keys
];

function isReferenceLike(value: string): boolean {
  const v = value.trim();
  return REFERENCE_VALUE.some((r) => r.test(v));
}

interface ValueDetector {
  kind: string;
  /** Literal fragments one of which must occur: a fast substring search before the expression runs. */
  hints: readonly string[];
  pattern: RegExp;
}

// Well-known credential formats, recognised whatever the variable is called.
const VALUE_DETECTORS: readonly ValueDetector[] = [
  { kind: "private key", hints: ["PRIVATE KEY"], pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { kind: "AWS access key", hints: ["AKIA", "ASIA", "ABIA", "ACCA"], pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { kind: "GitHub token", hints: ["gh", "github_pat_"], pattern: /\b(?:gh[pousr]_[0-9A-Za-z]{36,}|github_pat_[0-9A-Za-z_]{60,})\b/ },
  { kind: "GitLab token", hints: ["glpat-"], pattern: /\bglpat-[0-9A-Za-z_-]{20,}\b/ },
  { kind: "Slack token", hints: ["xox"], pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { kind: "Google API key", hints: ["AIza"], pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "Stripe secret key", hints: ["k_live_"], pattern: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/ },
  { kind: "JSON Web Token", hints: ["eyJ"], pattern: /\beyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}/ },
  { kind: "password in a URL", hints: ["://"], pattern: /\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s:/@$]+:(?!\$\()[^\s@/$]+@/ },
];

/** The kind of credential a value looks like, by shape alone, or undefined. */
export function detectCredentialValue(value: string, extraPatterns: readonly RegExp[] = []): string | undefined {
  if (isRedactedCredential(value)) return "redacted credential";
  for (const d of VALUE_DETECTORS) {
    if (d.hints.some((h) => value.includes(h)) && d.pattern.test(value)) return d.kind;
  }
  for (const p of extraPatterns) if (p.test(value)) return "configured sensitive value";
  return undefined;
}

/**
 * Compiles settings.sensitiveValues: each entry is a regular expression searched case-insensitively
 * (Kubescape's convention); an entry that is not a valid expression is matched as literal text.
 */
export function compileSensitiveValues(entries: readonly unknown[] | undefined): RegExp[] {
  if (!Array.isArray(entries)) return [];
  const result: RegExp[] = [];
  for (const entry of entries) {
    if (typeof entry !== "string" || !entry) continue;
    try {
      result.push(new RegExp(entry, "i"));
    } catch {
      result.push(new RegExp(entry.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"));
    }
  }
  return result;
}

export interface CredentialPolicy {
  /** settings.sensitiveKeyNames, each split into words. */
  sensitiveWords: readonly (readonly string[])[];
  /** settings.sensitiveKeyAllowList, lower-cased (names are compared exactly, case-insensitively). */
  allowList: ReadonlySet<string>;
  valuePatterns: readonly RegExp[];
}

export function credentialPolicyOf(settings: ScanSettings): CredentialPolicy {
  const s = settings as Partial<ScanSettings>;
  const allow = Array.isArray(s.sensitiveKeyAllowList) ? s.sensitiveKeyAllowList : [];
  return {
    sensitiveWords: sensitiveNamesAsWords(Array.isArray(s.sensitiveKeyNames) ? s.sensitiveKeyNames : []),
    allowList: new Set(allow.filter((a): a is string => typeof a === "string").map((a) => a.toLowerCase())),
    valuePatterns: compileSensitiveValues(s.sensitiveValues),
  };
}

/** The scan's credential policy, compiled once per scan. */
export function credentialPolicy(ctx: EvalContext): CredentialPolicy {
  return ctx.cache("workload-hygiene:credential-policy", () => credentialPolicyOf(ctx.settings));
}

/**
 * Why a literal `value` stored under `name` is a credential, or undefined when it is not: a
 * redacted or credential-shaped value always is; otherwise a non-empty literal under a sensitive,
 * non-allow-listed name that names the credential itself (not its path, TTL or Secret name).
 */
export function credentialReason(name: string, value: unknown, policy: CredentialPolicy): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value);
  // The same env entries and ConfigMap values are judged by several controls in one scan (large
  // values are not memoized: hashing them would cost as much as judging them).
  if (text.length > 1024) return judge(name, text, policy);
  let memo = reasons.get(policy);
  if (!memo) reasons.set(policy, (memo = new Map()));
  const key = `${name}\u0000${text}`;
  if (memo.has(key)) return memo.get(key);
  const reason = judge(name, text, policy);
  memo.set(key, reason);
  return reason;
}

const reasons = new WeakMap<CredentialPolicy, Map<string, string | undefined>>();

function judge(name: string, text: string, policy: CredentialPolicy): string | undefined {
  if (!text.trim()) return undefined;
  if (policy.allowList.has(name.toLowerCase())) return isRedactedCredential(text) ? "redacted credential" : undefined;
  const shaped = detectCredentialValue(text, policy.valuePatterns);
  if (shaped) return shaped;
  if (!matchesSensitiveWords(identifierWords(name), policy.sensitiveWords) || namesCredentialMetadata(name)) return undefined;
  if (isReferenceLike(text)) return undefined;
  return "literal value under a credential name";
}

/**
 * Credential assignments inside a configuration file's text (`password = hunter2`,
 * `api_key: abc`, `TOKEN=xyz`), for ConfigMap entries that hold whole files.
 */
export function credentialsInConfigText(text: string, policy: CredentialPolicy): { key: string; reason: string }[] {
  const found: { key: string; reason: string }[] = [];
  // Dashboards and scripts can be megabytes: only assignment lines whose key mentions a sensitive word are examined.
  const keyFilter = sensitiveWordFilter(policy);
  if (!keyFilter) return found;
  for (const m of text.matchAll(ASSIGNMENT_LINE)) {
    const key = m[1];
    if (!keyFilter.test(key)) continue;
    let value = m[2].trim().replace(/\s+#.*$/, "");
    value = value.replace(/^(["'])(.*)\1,?$/, "$2").replace(/,$/, "");
    if (!value || value === "|" || value === ">") continue;
    const reason = credentialReason(key, value, policy);
    if (reason) found.push({ key, reason });
  }
  return found;
}

const ASSIGNMENT_LINE = /^[ \t]*(?:export[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*[:=][ \t]*([^\r\n]*)$/gm;

const wordFilters = new WeakMap<CredentialPolicy, RegExp | null>();

/** A case-insensitive test that a name contains at least one word of some sensitive name (a superset of matches). */
function sensitiveWordFilter(policy: CredentialPolicy): RegExp | null {
  let filter = wordFilters.get(policy);
  if (filter === undefined) {
    const words = [...new Set(policy.sensitiveWords.map((w) => w[0]))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    filter = words.length ? new RegExp(words.join("|"), "i") : null;
    wordFilters.set(policy, filter);
  }
  return filter;
}
