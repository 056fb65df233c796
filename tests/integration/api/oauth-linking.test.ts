// OAuth/OIDC identities are linked through the Account model: a known identity signs in as its
// user; a new one creates a user; an existing email is only linked when the IdP verified it.
import { beforeAll, describe, expect, inject, test } from "vitest";
import { createUser, prisma, unique } from "./support/world";

type Resolve = typeof import("@/lib/server/users/resolve-oauth-user").resolveOAuthUser;
let resolveOAuthUser: Resolve;

beforeAll(async () => {
  // The service uses the app's Prisma singleton, which reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = inject("databaseUrl");
  ({ resolveOAuthUser } = await import("@/lib/server/users/resolve-oauth-user"));
});

describe("resolveOAuthUser", () => {
  test("a new identity creates a user and links the account", async () => {
    const email = `${unique("new")}@idp.test`;
    const result = await resolveOAuthUser({ provider: "oidc", providerAccountId: unique("sub"), email: email.toUpperCase(), emailVerified: true, name: "New Person" });
    expect(result).toMatchObject({ ok: true, created: true });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.accounts).toHaveLength(1);
  });

  test("a linked identity resolves to the same user, even if its email changed at the IdP", async () => {
    const sub = unique("sub");
    const first = await resolveOAuthUser({ provider: "github", providerAccountId: sub, email: `${unique("a")}@idp.test`, emailVerified: false, name: null });
    const again = await resolveOAuthUser({ provider: "github", providerAccountId: sub, email: `${unique("b")}@idp.test`, emailVerified: false, name: null });
    expect(first.ok && again.ok && again.userId === first.userId && !again.created).toBe(true);
  });

  test("an existing password account is linked only when the IdP verified the email", async () => {
    const user = await createUser();
    const unverified = await resolveOAuthUser({ provider: "github", providerAccountId: unique("sub"), email: user.email, emailVerified: false, name: null });
    expect(unverified).toEqual({ ok: false, reason: "email_taken" });
    expect(await prisma.account.count({ where: { userId: user.id } })).toBe(0);

    const verified = await resolveOAuthUser({ provider: "google", providerAccountId: unique("sub"), email: user.email, emailVerified: true, name: null });
    expect(verified).toEqual({ ok: true, userId: user.id, created: false });
    expect(await prisma.account.count({ where: { userId: user.id, provider: "google" } })).toBe(1);
  });

  test("an identity without an email is refused", async () => {
    expect(await resolveOAuthUser({ provider: "oidc", providerAccountId: unique("sub"), email: null, emailVerified: false, name: null })).toEqual({ ok: false, reason: "missing_email" });
  });
});
