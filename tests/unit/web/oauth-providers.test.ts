import { describe, expect, test } from "vitest";
import { buildOAuthProviders, OAuthConfigError } from "@/lib/auth/oauth-providers";

type AnyProvider = { id?: string; name?: string; type?: string; issuer?: string; clientId?: string; clientSecret?: string; options?: Record<string, unknown> };

function describeProvider(p: unknown): AnyProvider {
  const resolved = (typeof p === "function" ? (p as () => AnyProvider)() : p) as AnyProvider;
  // Built-in providers keep user options under `options`.
  return { ...resolved, ...(resolved.options ?? {}) };
}

describe("buildOAuthProviders", () => {
  test("no OAuth variables → no providers (credentials only)", () => {
    expect(buildOAuthProviders({})).toEqual({ providers: [], summaries: [] });
  });

  test("generic OIDC from AUTH_OIDC_ISSUER/ID/SECRET, with a custom button name", () => {
    const { providers, summaries } = buildOAuthProviders({
      AUTH_OIDC_ISSUER: "https://login.example.com/realms/ops/",
      AUTH_OIDC_ID: "shipshape",
      AUTH_OIDC_SECRET: "s3cret",
      AUTH_OIDC_NAME: "Keycloak",
    });
    expect(summaries).toEqual([{ id: "oidc", name: "Keycloak" }]);
    const p = describeProvider(providers[0]);
    expect(p).toMatchObject({ id: "oidc", type: "oidc", issuer: "https://login.example.com/realms/ops", clientId: "shipshape", clientSecret: "s3cret" });
  });

  test("OIDC without a name is labelled generically", () => {
    const { summaries } = buildOAuthProviders({ AUTH_OIDC_ISSUER: "https://idp.example.com", AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" });
    expect(summaries).toEqual([{ id: "oidc", name: "Single sign-on" }]);
  });

  test("GitHub and Google from their ID/SECRET pairs, in a stable order", () => {
    const { providers, summaries } = buildOAuthProviders({
      AUTH_GOOGLE_ID: "g-id",
      AUTH_GOOGLE_SECRET: "g-secret",
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
    });
    expect(summaries.map((s) => s.id)).toEqual(["github", "google"]);
    expect(describeProvider(providers[0])).toMatchObject({ id: "github", clientId: "gh-id", clientSecret: "gh-secret" });
    expect(describeProvider(providers[1])).toMatchObject({ id: "google", clientId: "g-id", clientSecret: "g-secret" });
  });

  test("all three together", () => {
    const { summaries } = buildOAuthProviders({
      AUTH_OIDC_ISSUER: "https://idp.example.com",
      AUTH_OIDC_ID: "a",
      AUTH_OIDC_SECRET: "b",
      AUTH_GITHUB_ID: "c",
      AUTH_GITHUB_SECRET: "d",
      AUTH_GOOGLE_ID: "e",
      AUTH_GOOGLE_SECRET: "f",
    });
    expect(summaries.map((s) => s.id)).toEqual(["oidc", "github", "google"]);
  });

  test("blank values count as unset", () => {
    expect(buildOAuthProviders({ AUTH_GITHUB_ID: "  ", AUTH_GITHUB_SECRET: "" }).providers).toEqual([]);
  });

  const broken: [string, Record<string, string>, RegExp][] = [
    ["GitHub id without secret", { AUTH_GITHUB_ID: "x" }, /AUTH_GITHUB_SECRET is missing/],
    ["Google secret without id", { AUTH_GOOGLE_SECRET: "x" }, /AUTH_GOOGLE_ID is missing/],
    ["OIDC issuer alone", { AUTH_OIDC_ISSUER: "https://idp.example.com" }, /AUTH_OIDC_ID and AUTH_OIDC_SECRET are missing/],
    ["OIDC client without issuer", { AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" }, /AUTH_OIDC_ISSUER is missing/],
    ["OIDC issuer that is not a URL", { AUTH_OIDC_ISSUER: "idp.example.com", AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" }, /not a URL/],
    ["OIDC issuer over plain http", { AUTH_OIDC_ISSUER: "http://idp.example.com", AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" }, /must use https/],
  ];
  test.each(broken)("%s fails loudly with the variable's name", (_name, env, message) => {
    expect(() => buildOAuthProviders(env)).toThrow(OAuthConfigError);
    expect(() => buildOAuthProviders(env)).toThrow(message);
  });

  test("plain-http OIDC is accepted for a local development IdP", () => {
    expect(buildOAuthProviders({ AUTH_OIDC_ISSUER: "http://localhost:8080/realms/dev", AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" }).summaries).toHaveLength(1);
  });
});
