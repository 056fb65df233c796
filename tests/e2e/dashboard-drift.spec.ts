// The drift view between two snapshots shows the demo's known changes: a privileged vendor agent
// deployed three days before the seed, and nothing at all between two recent snapshots.
import { expect, test } from "@playwright/test";
import { clusterIdOf, DEMO_SLUG, screenshotPage, settled, signInDemo } from "./dashboard-support";

test("drift between two chosen snapshots shows the object that was added, its findings and score deltas", async ({ page }) => {
  await signInDemo(page);
  const id = await clusterIdOf(page, "prod-us-east-1");
  await page.goto(`/o/${DEMO_SLUG}/clusters/${id}?tab=drift`);
  await settled(page);
  const timeline = page.getByTestId("snapshot-timeline");
  const entries = timeline.locator("li");
  await expect(entries.first()).toBeVisible();
  expect(await entries.count()).toBeGreaterThan(20);

  // Snapshots arrive every six hours: entry 20 is five days old, before the vendor agent arrived.
  // The two choices follow each other at once: the second must not lose the first, even before the
  // router has rendered it.
  await entries.nth(20).getByRole("button", { name: /^Compare from/ }).click();
  await entries.nth(0).getByRole("button", { name: /^Compare to/ }).click();
  await expect(page).toHaveURL(/from=.+&to=|to=.+&from=/);
  const drift = page.getByTestId("drift-view");
  const objects = page.getByTestId("drift-objects");
  await expect(objects.locator("li").filter({ hasText: "fraud-scanner" })).toContainText("+ added");
  await expect(page.getByTestId("drift-opened")).toContainText("fraud-scanner");
  await expect(page.getByTestId("drift-controls")).toContainText("SS-0057");
  await expect(drift.getByTestId("drift-scores")).toContainText("All controls");
  await screenshotPage(page, "dashboard-cluster-drift");

  // Two consecutive recent snapshots of an unchanged cluster: no object changed.
  await entries.nth(1).getByRole("button", { name: /^Compare from/ }).click();
  await entries.nth(0).getByRole("button", { name: /^Compare to/ }).click();
  await expect(drift.getByText("No object changed")).toBeVisible();
});
