// Credential detection (lib/controls/workload-hygiene/credential-detection.ts).
import { describe, expect, it } from "vitest";
import {
  compileSensitiveValues,
  credentialReason,
  detectCredentialValue,
  credentialsInConfigText,
  credentialPolicyOf,
  hasSensitiveName,
  REDACTED_CREDENTIAL_MARKER,
  type CredentialPolicy,
} from "@/lib/controls/workload-hygiene/credential-detection";
import { DEFAULT_SETTINGS } from "@/lib/engine/settings";

const policy: CredentialPolicy = credentialPolicyOf({ ...DEFAULT_SETTINGS, sensitiveValues: [] });

describe("hasSensitiveName", () => {
  it.each(["DB_PASSWORD", "dbPassword", "APIKEY", "apiKey", "AWS_SECRET_ACCESS_KEY", "github-token", "DB_CREDENTIALS", "pwd", "aws_access_key_id"])(
    "%s is sensitive",
    (name) => expect(hasSensitiveName(name, DEFAULT_SETTINGS.sensitiveKeyNames)).toBe(true),
  );
  it.each(["KEYCLOAK_URL", "MAX_TOKENS", "TOKENIZER", "LOG_LEVEL", "PORT", "HOSTNAME"])("%s is not sensitive", (name) =>
    expect(hasSensitiveName(name, DEFAULT_SETTINGS.sensitiveKeyNames)).toBe(false),
  );
});

describe("credentialReason", () => {
  it("flags literal values under credential names", () => {
    expect(credentialReason("DB_PASSWORD", "hunter2", policy)).toBeDefined();
    expect(credentialReason("AWS_ACCESS_KEY_ID", "XXXX", policy)).toBeDefined();
  });

  it("ignores names that describe a credential rather than hold it", () => {
    for (const [name, value] of [
      ["TOKEN_PATH", "/var/run/secrets/token"],
      ["SECRET_NAME", "db-credentials"],
      ["TOKEN_TTL", "3600"],
      ["PASSWORD_MIN_LENGTH", "12"],
      ["METALLB_ML_SECRET_KEY_PATH", "/etc/ml_secret_key"],
    ]) {
      expect(credentialReason(name, value, policy), name).toBeUndefined();
    }
  });

  it("ignores references, placeholders, booleans and public keys", () => {
    for (const value of ["$(DB_PASSWORD)", "${DB_PASSWORD}", "{{ .Values.password }}", "/etc/pw", "true", "-----BEGIN CERTIFICATE-----\nMII", "ssh-ed25519 AAAAC3Nza user@host", ""]) {
      expect(credentialReason("PASSWORD", value, policy), value).toBeUndefined();
    }
  });

  it("recognises credential-shaped values under any name", () => {
    expect(credentialReason("SIGNING", "-----BEGIN RSA PRIVATE KEY-----\nMIIE", policy)).toBe("private key");
    expect(credentialReason("X", "AKIAIOSFODNN7EXAMPLE", policy)).toBe("AWS access key");
    expect(credentialReason("DATABASE_URL", "postgres://app:s3cret@db:5432/app", policy)).toBe("password in a URL");
    expect(credentialReason("DATABASE_URL", "postgres://app@db:5432/app", policy)).toBeUndefined();
    expect(credentialReason("X", `ghp_${"a".repeat(36)}`, policy)).toBe("GitHub token");
  });

  it("counts the agent's redaction marker as a literal credential, whatever the name", () => {
    expect(credentialReason("SOMETHING", REDACTED_CREDENTIAL_MARKER, policy)).toBe("redacted credential");
    expect(credentialReason("DSN", `mysql://u:${REDACTED_CREDENTIAL_MARKER}@db/app`, policy)).toBe("redacted credential");
  });

  it("honours the allow list (exact, case-insensitive) and sensitiveValues patterns", () => {
    const custom = credentialPolicyOf({
      ...DEFAULT_SETTINGS,
      sensitiveKeyAllowList: ["stripe_publishable_key"],
      sensitiveValues: ["BEGIN \\w+ PRIVATE KEY", "(unbalanced"],
    });
    expect(compileSensitiveValues(["(unbalanced"])[0].test("a (unbalanced b")).toBe(true);
    expect(credentialReason("STRIPE_PUBLISHABLE_KEY", "pk_live_abc", custom)).toBeUndefined();
    expect(credentialReason("NOTE", "xx (unbalanced yy", custom)).toBe("configured sensitive value");
  });
});

describe("detectCredentialValue", () => {
  // Each format is recognised at the very start and end of a text, alone, and inside a larger file:
  // the detectors only run where their literal prefix occurs, so these are the edges to hold.
  const tokens: [string, string][] = [
    ["private key", "-----BEGIN EC PRIVATE KEY-----"],
    ["private key", "-----BEGIN PRIVATE KEY BLOCK-----"],
    ...["AKIA", "ASIA", "ABIA", "ACCA"].map((p): [string, string] => ["AWS access key", `${p}IOSFODNN7EXAMPLE`]),
    ...["p", "o", "u", "s", "r"].map((c): [string, string] => ["GitHub token", `gh${c}_${"a1".repeat(18)}`]),
    ["GitHub token", `github_pat_${"A_9".repeat(20)}`],
    ["GitLab token", `glpat-${"x".repeat(20)}`],
    ...["a", "b", "p", "o", "s", "r"].map((c): [string, string] => ["Slack token", `xox${c}-1234567890`]),
    ["Google API key", `AIza${"B".repeat(35)}`],
    ["Stripe secret key", `rk_live_${"9".repeat(20)}`],
    ["Stripe secret key", `sk_live_${"9".repeat(20)}`],
    ["JSON Web Token", "eyJhbGciOiJI.eyJzdWIiOiIx.abcdefgh"],
    ["redacted credential", REDACTED_CREDENTIAL_MARKER],
    ["redacted credential", "<redacted:credential>"],
  ];
  it.each(tokens)("%s: %s", (kind, token) => {
    expect(detectCredentialValue(token)).toBe(kind);
    expect(detectCredentialValue(`key: ${token}`)).toBe(kind);
    expect(detectCredentialValue(`${token}\n`)).toBe(kind);
    expect(detectCredentialValue(`a: b\n${"_-AxzkJK ".repeat(50)}\nvalue = ${token}`)).toBe(kind);
  });

  it("needs the exact, case-sensitive prefix and the word boundaries", () => {
    for (const value of [
      `GHP_${"a".repeat(36)}`,
      `ghx_${"a".repeat(36)}`,
      `xghp_${"a".repeat(36)}`,
      `pk_live_${"9".repeat(20)}`,
      `k_live_${"9".repeat(20)}`,
      `xoxz-1234567890`,
      `akia${"A".repeat(16)}`,
      `AKIA${"A".repeat(15)}`,
      "eyJhbGciOiJI.eyJzdWIi.abcdefgh",
      "-----BEGIN PUBLIC KEY-----",
      "redacted-credential",
      "A_-zkJxK",
    ]) {
      expect(detectCredentialValue(value), value).toBeUndefined();
    }
  });
});

describe("credentialsInConfigText", () => {
  it("finds assignments in properties, YAML, INI and JSON files", () => {
    const text = [
      "spring.datasource.url=jdbc:postgresql://db/app",
      "spring.datasource.password=s3cr3t",
      "admin_password = ",
      'token: "${TOKEN}"',
      '  "apiKey": "abc123",',
      "secret_key = SW2YcwTIb9zpOOhoPsMm # grafana",
    ].join("\n");
    expect(credentialsInConfigText(text, policy).map((f) => f.key)).toEqual(["spring.datasource.password", "apiKey", "secret_key"]);
  });
});

describe("names seen on real charts that are not credentials", () => {
  it.each([
    ["ALLOW_EMPTY_PASSWORD", "yes"],
    ["CONNECT_KEY_CONVERTER", "org.apache.kafka.connect.json.JsonConverter"],
    ["DEFAULT_TOKEN_COOKIE_DOMAIN", "example.com"],
    ["JWT_PUBLIC_KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"],
    ["OAUTH_PUBLICKEY", "MIIBIjANBgkqhkiG9w0B"],
    ["RELATED_IMAGE_tls_secrets_creation_job", "quay.io/eclipse/che-tls-secret-creator:alpine-01a4c34"],
    ["secret-field-selector", "type!=kubernetes.io/dockercfg"],
  ])("%s", (name, value) => expect(credentialReason(name, value, policy)).toBeUndefined());

  it.each([
    ["JWT_SECRET_KEY", "f9c0b4d1e2"],
    ["cookie-secret", "RUNqZVlmTGxUazhUeW1LdQ=="],
    ["OSS_ACCESSKEY", "LTAI5tExample"],
    ["API_TOKEN_SALT", "tobemodified"],
  ])("%s is still a credential", (name, value) => expect(credentialReason(name, value, policy)).toBeDefined());
});
