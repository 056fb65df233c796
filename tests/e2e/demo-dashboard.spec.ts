// The seeded demo (npm run db:seed) as a user sees it: screenshots of the populated dashboard.
import { expect, test } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-fleet";
import { screenshot, signIn } from "./support";

test("the demo fleet's overview, clusters and a cluster page render with real data", async ({ page }) => {
  await signIn(page, DEMO_USERS.owner.email, process.env.SHIPSHAPE_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2];

  await expect(page.getByTestId("stat-clusters")).not.toContainText(/^Clusters0/);
  await expect(page.getByRole("heading", { name: "Frameworks" })).toBeVisible();
  await screenshot(page, "demo-overview");

  await page.goto(`/o/${slug}/clusters`);
  const rows = page.locator('[data-testid^="cluster-row-"]');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await screenshot(page, "demo-clusters");

  await rows.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Score history" })).toBeVisible();
  await screenshot(page, "demo-cluster-detail");
});
