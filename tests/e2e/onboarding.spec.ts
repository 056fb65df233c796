// The first-day story in a real browser: sign up, create an organization, register a cluster and
// see its token once, revoke it, invite a member, and check that the member — a VIEWER — cannot
// create tokens.
import { expect, test } from "@playwright/test";
import { PASSWORD, screenshot, signIn, signOut, uniqueEmail } from "./support";

test("owner onboarding, token lifecycle, and a read-only member", async ({ page, request }) => {
  const ownerEmail = uniqueEmail("owner");
  const memberEmail = uniqueEmail("member");
  const orgName = `E2E Org ${Date.now().toString(36)}`;
  const clusterName = `prod-e2e-${Date.now().toString(36)}`;
  let token = "";
  let slug = "";
  let inviteUrl = "";

  await test.step("signed-out visitors are sent to sign-in", async () => {
    await page.goto("/o/acme-corp/clusters");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fo%2Facme-corp%2Fclusters/);
    await screenshot(page, "01-sign-in");
  });

  await test.step("sign up", async () => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Olivia Owner");
    await page.getByLabel("Work email").fill(ownerEmail);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters")).toBeVisible();
    await page.getByLabel("Password").fill(PASSWORD);
    await screenshot(page, "02-sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/orgs\/new$/);
  });

  await test.step("create an organization", async () => {
    await page.getByLabel("Organization name").fill(orgName);
    await screenshot(page, "03-create-organization");
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(/\/o\/e2e-org-[a-z0-9-]+$/);
    slug = new URL(page.url()).pathname.split("/")[2];
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByText("No clusters yet")).toBeVisible();
    await expect(page.getByTestId("org-switcher")).toContainText(orgName);
  });

  await test.step("register a cluster and see its token once", async () => {
    await page.getByRole("link", { name: "Clusters", exact: true }).click();
    await expect(page.getByText("No clusters registered")).toBeVisible();
    await page.getByRole("link", { name: "Register cluster" }).click();
    await page.getByLabel("Name").fill("Not Valid!");
    await page.getByRole("button", { name: "Register and create token" }).click();
    await expect(page.getByText(/Use lowercase letters/)).toBeVisible();
    await page.getByLabel("Name").fill(clusterName);
    await page.getByLabel("Provider").selectOption("gke");
    await page.getByLabel("Region (optional)").fill("europe-west1");
    await page.getByLabel("Labels (optional)").fill("team=platform, tier=critical");
    await page.getByRole("button", { name: "Register and create token" }).click();
    const tokenBox = page.getByTestId("issued-token-value");
    await expect(tokenBox).toHaveText(/^ssa_[0-9A-Za-z]{32}$/);
    token = (await tokenBox.textContent())!.trim();
    await expect(page.getByTestId("install-npx")).toHaveText(`npx shipshape agent --server ${new URL(page.url()).origin} --token ${token}`);
    await expect(page.getByTestId("install-helm")).toContainText(`--set token=${token}`);
    await expect(page.getByText(/shown only once/i)).toBeVisible();
    await screenshot(page, "04-cluster-token-shown-once");

    // The agent can use it right away.
    const whoami = await request.get("/api/agent/v1/whoami", { headers: { authorization: `Bearer ${token}` } });
    expect(whoami.status()).toBe(200);
    expect((await whoami.json()).cluster.name).toBe(clusterName);

    await page.getByRole("link", { name: "I have copied the token" }).click();
    await expect(page.getByTestId(`cluster-row-${clusterName}`)).toContainText("Awaiting agent");
    await expect(page.locator("body")).not.toContainText(token);
    await screenshot(page, "05-clusters-list");
  });

  await test.step("the token is never shown again, only its prefix", async () => {
    await page.getByRole("link", { name: "Agent tokens" }).click();
    const row = page.getByTestId(`token-row-${clusterName} agent`);
    await expect(row).toContainText(`${token.slice(0, 12)}…`);
    await expect(row).toContainText("active");
    await expect(page.locator("body")).not.toContainText(token);
  });

  await test.step("revoke the token; the agent is refused on its next request", async () => {
    await page.getByRole("button", { name: `Revoke ${clusterName} agent` }).click();
    await expect(page.getByRole("dialog")).toContainText("cannot be undone");
    await screenshot(page, "06-revoke-confirm");
    await page.getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByTestId(`token-row-${clusterName} agent`)).toContainText("revoked");
    const whoami = await request.get("/api/agent/v1/whoami", { headers: { authorization: `Bearer ${token}` } });
    expect(whoami.status()).toBe(401);
    await screenshot(page, "07-token-revoked");
  });

  await test.step("invite a member as VIEWER", async () => {
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
    await page.getByRole("button", { name: "Create invite link" }).click();
    inviteUrl = (await page.getByTestId("invite-url").textContent())!.trim();
    expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole("cell", { name: "pending" })).toBeVisible();
    await screenshot(page, "08-members-invite");
  });

  await test.step("the audit log records what happened", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    const log = page.getByTestId("audit-log");
    await expect(log).toContainText(`registered cluster ${clusterName}`);
    await expect(log).toContainText("revoked agent token");
    await expect(log).toContainText("created an invitation link for role viewer");
    await screenshot(page, "09-audit-log");
  });

  await test.step("the member signs up through the invitation and joins as viewer", async () => {
    await signOut(page);
    await page.goto(inviteUrl);
    await expect(page.getByText(`You have been invited to join ${orgName} as viewer`)).toBeVisible();
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Max Member");
    await page.getByLabel("Work email").fill(memberEmail);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/invite\//);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
    await signOut(page);
  });

  await test.step("signed in as the VIEWER member, tokens cannot be created", async () => {
    await signIn(page, memberEmail);
    await page.goto(`/o/${slug}/settings/tokens`);
    await expect(page.getByText("Read-only")).toBeVisible();
    await expect(page.getByText(/Creating and revoking tokens needs the ADMIN or OWNER role/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
    await expect(page.getByTestId(`token-row-${clusterName} agent`)).toBeVisible();
    await screenshot(page, "10-viewer-tokens");

    // The API refuses too, with the viewer's own session cookie.
    const created = await page.request.post(`/api/orgs/${slug}/tokens`, { data: { name: "sneaky" } });
    expect(created.status()).toBe(403);
    expect((await created.json()).error.code).toBe("forbidden");

    await page.goto(`/o/${slug}/clusters`);
    await expect(page.getByRole("link", { name: "Register cluster" })).toHaveCount(0);
    await page.goto(`/o/${slug}/clusters/new`);
    await expect(page.getByText(/Registering clusters needs the ADMIN or OWNER role/)).toBeVisible();
  });

  await test.step("another organization's pages are a 404 for this member", async () => {
    const res = await page.goto("/o/acme-corp/clusters");
    expect(res?.status()).toBe(404);
    await expect(page.getByText("Page not found")).toBeVisible();
  });
});
