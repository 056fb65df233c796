import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "@/lib/snapshot/canonical-json";
import { CREDENTIAL_MARKER, isLiteralCredential, redactConfigText, redactionPolicy } from "@/lib/snapshot/credential-detection";
import { normalizeObject } from "@/lib/snapshot/normalize";
import { objectKeyOf, ZSnapshotManifest } from "@/lib/snapshot/protocol";

describe("canonicalJson / contentHash", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });
  it("hashes equal objects equally whatever their key order", () => {
    expect(contentHash({ a: 1, b: { c: [1, 2] } })).toBe(contentHash({ b: { c: [1, 2] }, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    // sha256 of the canonical text, checked against a known digest of '{"a":1}'
    expect(contentHash({ a: 1 })).toBe("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
  });
});

describe("normalizeObject", () => {
  const secret = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name: "db",
      namespace: "shop",
      resourceVersion: "42",
      managedFields: [{ manager: "kubectl" }],
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"password":"czNjcjN0IQ=="}}' },
    },
    type: "Opaque",
    data: { password: "czNjcjN0IQ==" },
    stringData: { token: "plain-canary-value" },
  };

  it("never lets a Secret value out: keys, type and sizes remain", () => {
    const out = normalizeObject(secret);
    const text = JSON.stringify(out);
    expect(text).not.toContain("czNjcjN0IQ==");
    expect(text).not.toContain("plain-canary-value");
    expect(out.data).toEqual({ password: "shipshape:redacted-secret:7", token: "shipshape:redacted-secret:18" });
    expect(out.type).toBe("Opaque");
    expect(out).not.toHaveProperty("stringData");
    expect(out.metadata).toEqual({ name: "db", namespace: "shop" });
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(secret);
    normalizeObject(secret);
    expect(secret).toEqual(copy);
  });

  it("replaces credential-looking env and ConfigMap values by a marker and keeps the rest", () => {
    const deployment = normalizeObject({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "api" },
      spec: {
        template: {
          spec: {
            initContainers: [{ name: "init", env: [{ name: "GITHUB", value: "ghp_0123456789abcdefghijklmnopqrstuvwxyz" }] }],
            containers: [
              {
                name: "api",
                env: [
                  { name: "DB_PASSWORD", value: "hunter2-canary" },
                  { name: "LOG_LEVEL", value: "debug" },
                  { name: "TOKEN_FILE", value: "/var/run/token" },
                  { name: "API_KEY", valueFrom: { secretKeyRef: { name: "k", key: "v" } } },
                ],
              },
            ],
          },
        },
      },
    });
    const env = deployment.spec.template.spec.containers[0].env;
    expect(env[0].value).toBe(CREDENTIAL_MARKER);
    expect(env[1].value).toBe("debug");
    expect(env[2].value).toBe("/var/run/token");
    expect(env[3]).toEqual({ name: "API_KEY", valueFrom: { secretKeyRef: { name: "k", key: "v" } } });
    expect(deployment.spec.template.spec.initContainers[0].env[0].value).toBe(CREDENTIAL_MARKER);

    const cm = normalizeObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { "db.password": "x9-canary", mode: "fast" } });
    expect(cm.data).toEqual({ "db.password": CREDENTIAL_MARKER, mode: "fast" });
  });

  it("drops churn so an unchanged object hashes the same across collections", () => {
    const a = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", resourceVersion: "1" }, spec: { containers: [] }, status: { phase: "Running", conditions: [{ lastProbeTime: "t1" }], containerStatuses: [{ name: "c", image: "i", imageID: "sha", restartCount: 1 }] } };
    const b = { ...a, metadata: { name: "p", resourceVersion: "2" }, status: { ...a.status, conditions: [{ lastProbeTime: "t2" }], containerStatuses: [{ name: "c", image: "i", imageID: "sha", restartCount: 5 }] } };
    expect(contentHash(normalizeObject(a))).toBe(contentHash(normalizeObject(b)));
  });
});

describe("credential detection", () => {
  const policy = redactionPolicy();
  it("recognises names and value shapes, not references or configuration", () => {
    expect(isLiteralCredential("password", "x9-canary", policy)).toBe(true);
    expect(isLiteralCredential("SOMETHING", "AKIAIOSFODNN7EXAMPLE", policy)).toBe(true);
    expect(isLiteralCredential("DATABASE_URL", "postgres://app:s3cret@db:5432/app", policy)).toBe(true);
    expect(isLiteralCredential("PASSWORD_FILE", "/etc/secret/pw", policy)).toBe(false);
    expect(isLiteralCredential("password", "$(DB_PASSWORD)", policy)).toBe(false);
    expect(isLiteralCredential("LOG_LEVEL", "debug", policy)).toBe(false);
  });

  it("redacts credential assignments inside configuration files and keeps the rest", () => {
    const text = "server.port=8080\ndb.password = s3cr3t-canary\nmetricsBindAddress: 0.0.0.0:10249\napi_key: \"abc123-canary\"\n";
    const out = redactConfigText(text, policy);
    expect(out).not.toContain("s3cr3t-canary");
    expect(out).not.toContain("abc123-canary");
    expect(out).toContain("server.port=8080");
    expect(out).toContain("metricsBindAddress: 0.0.0.0:10249");
    expect(out).toContain(`db.password = ${CREDENTIAL_MARKER}`);
  });
});

describe("protocol", () => {
  it("keys objects by group/kind/namespace/name", () => {
    expect(objectKeyOf({ apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "a", name: "b" } })).toBe("apps/Deployment/a/b");
    expect(objectKeyOf({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } })).toBe("/Node//n1");
  });
  it("rejects unknown fields and malformed hashes in a manifest", () => {
    const manifest = {
      protocolVersion: "1",
      idempotencyKey: "abcdefgh12",
      collectedAt: "2026-11-26T10:00:00Z",
      cluster: { uid: "u", provider: "kind", kubernetesVersion: "v1.33.1", nodeCount: 1, agentVersion: "0.1.0" },
      objects: [["/Node//n1", "a".repeat(64)]],
      resourceTypes: [],
      collectionErrors: [],
    };
    expect(ZSnapshotManifest.safeParse(manifest).success).toBe(true);
    expect(ZSnapshotManifest.safeParse({ ...manifest, extra: 1 }).success).toBe(false);
    expect(ZSnapshotManifest.safeParse({ ...manifest, objects: [["/Node//n1", "xyz"]] }).success).toBe(false);
  });
});
