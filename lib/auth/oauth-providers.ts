import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";

// OAuth/OIDC sign-in is opt-in per provider: a provider is enabled when its client id is set.
// A half-configured provider (id without secret, OIDC without issuer) is a deployment mistake and
// fails at startup with the name of the missing variable instead of a broken button.

export type OAuthProviderSummary = { id: string; name: string };

export class OAuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OAuthConfigError";
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function requirePair(env: Env, idVar: string, secretVar: string): { clientId: string; clientSecret: string } | null {
  const clientId = read(env, idVar);
  const clientSecret = read(env, secretVar);
  if (!clientId && !clientSecret) return null;
  if (!clientId) throw new OAuthConfigError(`${secretVar} is set but ${idVar} is missing.`);
  if (!clientSecret) throw new OAuthConfigError(`${idVar} is set but ${secretVar} is missing.`);
  return { clientId, clientSecret };
}

export type OAuthProviderConfig = { providers: Provider[]; summaries: OAuthProviderSummary[] };

/** Builds the enabled OAuth/OIDC providers from AUTH_OIDC_*, AUTH_GITHUB_*, AUTH_GOOGLE_*. */
export function buildOAuthProviders(env: Env = process.env): OAuthProviderConfig {
  const providers: Provider[] = [];
  const summaries: OAuthProviderSummary[] = [];

  const oidc = requirePair(env, "AUTH_OIDC_ID", "AUTH_OIDC_SECRET");
  const issuer = read(env, "AUTH_OIDC_ISSUER");
  if (oidc || issuer) {
    if (!oidc) throw new OAuthConfigError("AUTH_OIDC_ISSUER is set but AUTH_OIDC_ID and AUTH_OIDC_SECRET are missing.");
    if (!issuer) throw new OAuthConfigError("AUTH_OIDC_ID is set but AUTH_OIDC_ISSUER is missing.");
    let issuerUrl: URL;
    try {
      issuerUrl = new URL(issuer);
    } catch {
      throw new OAuthConfigError(`AUTH_OIDC_ISSUER is not a URL: "${issuer}".`);
    }
    if (issuerUrl.protocol !== "https:" && issuerUrl.hostname !== "localhost" && issuerUrl.hostname !== "127.0.0.1") {
      throw new OAuthConfigError("AUTH_OIDC_ISSUER must use https (plain http is only accepted for localhost).");
    }
    const name = read(env, "AUTH_OIDC_NAME") ?? "Single sign-on";
    providers.push({
      id: "oidc",
      name,
      type: "oidc",
      // Discovery appends /.well-known/openid-configuration; a trailing slash would double it.
      issuer: issuer.replace(/\/+$/, ""),
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state"],
    });
    summaries.push({ id: "oidc", name });
  }

  const github = requirePair(env, "AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET");
  if (github) {
    providers.push(GitHub(github));
    summaries.push({ id: "github", name: "GitHub" });
  }

  const google = requirePair(env, "AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET");
  if (google) {
    providers.push(Google(google));
    summaries.push({ id: "google", name: "Google" });
  }

  return { providers, summaries };
}
