import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ZSignIn } from "@/lib/zod/auth";
import { buildOAuthProviders } from "@/lib/auth/oauth-providers";
import { clientIpFrom, loginRateLimiter } from "@/lib/auth/login-rate-limit";
import { verifyPasswordSignIn } from "@/lib/server/users/verify-password-sign-in";
import { resolveOAuthUser } from "@/lib/server/users/resolve-oauth-user";
import { findUserIdByAccount } from "@/lib/server/users/find-user-id-by-account";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

/** Thrown from `authorize` when the email+IP (or email) is over the login attempt limit. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const oauth = buildOAuthProviders();

/** Enabled OAuth/OIDC providers, for the sign-in page's buttons. */
export const oauthProviderSummaries = oauth.summaries;

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignIn.safeParse({ email: credentials.email, password: credentials.password });
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIpFrom(request.headers);
        if (!loginRateLimiter.check(email, ip).allowed) throw new SignInRateLimited();
        const user = await verifyPasswordSignIn({ email, password });
        if (!user) {
          loginRateLimiter.recordFailure(email, ip);
          return null;
        }
        loginRateLimiter.recordSuccess(email, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oauth.providers,
  ],
  callbacks: {
    async signIn({ account, profile, user }) {
      if (!account || account.type === "credentials") return true;
      const resolution = await resolveOAuthUser({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: profile?.email ?? user.email,
        emailVerified: profile?.email_verified === true,
        name: profile?.name ?? user.name,
      });
      if (resolution.ok) return true;
      return `/sign-in?error=${resolution.reason === "email_taken" ? "OAuthAccountNotLinked" : "OAuthMissingEmail"}`;
    },
    async jwt({ token, user, account }) {
      if (account?.type === "credentials" && user?.id) {
        token.uid = user.id;
      } else if (account) {
        const userId = await findUserIdByAccount(account.provider, account.providerAccountId);
        if (!userId) throw new Error(`OAuth account ${account.provider} was not linked during sign-in`);
        token.uid = userId;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      console.error(`[auth] ${type ?? error.name}:`, error);
    },
  },
});
