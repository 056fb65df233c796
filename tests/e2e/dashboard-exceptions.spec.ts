// The exceptions page for an admin: create one, edit it, expire it (it moves to the stale report),
// delete it; the demo's stale report lists the expired and the unused exception.
import { expect, test } from "@playwright/test";
import { DEMO_SLUG, screenshotPage, settled, signInDemo } from "./dashboard-support";

test("create, edit, expire and delete an exception; the stale report", async ({ page }) => {
  test.setTimeout(120_000);
  await signInDemo(page);
  await page.goto(`/o/${DEMO_SLUG}/exceptions`);
  await settled(page);
  const stale = page.getByTestId("stale-exceptions");
  await expect(stale).toContainText("kube-proxy is a managed add-on");
  await expect(stale).toContainText("Legacy reporting UI");

  await page.getByRole("button", { name: "New exception" }).click();
  const create = page.getByRole("dialog", { name: "Create exception" });
  await create.getByLabel("Controls", { exact: true }).fill("SS-0017");
  await create.getByLabel("Namespaces", { exact: true }).fill("batch-*");
  await create.getByLabel("Reason").fill("Batch jobs write scratch data to the root filesystem.");
  await create.getByLabel("Owner").fill("data-team");
  await create.getByRole("button", { name: "Create exception" }).click();
  const row = page.locator('[data-testid^="exception-row-"]').filter({ hasText: "Batch jobs write scratch data" });
  await expect(row).toContainText("namespace batch-*");
  await expect(row).toContainText("active");

  await row.getByRole("button", { name: /^Edit exception/ }).click();
  const edit = page.getByRole("dialog", { name: "Edit exception" });
  await expect(edit.getByLabel("Owner")).toHaveValue("data-team");
  await edit.getByLabel("Reason").fill("Batch jobs write scratch data to the root filesystem until v2.");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(row).toContainText("until v2");

  await row.getByRole("button", { name: /^Expire exception now/ }).click();
  await expect(row).toContainText("expired");
  await expect(stale).toContainText("Batch jobs write scratch data");
  await page.getByRole("button", { name: "Expired" }).click();
  await expect(page).toHaveURL(/view=expired/);
  await expect(row).toBeVisible();
  await screenshotPage(page, "dashboard-exceptions-expired");

  await row.getByRole("button", { name: /^Delete exception/ }).click();
  await page.getByRole("dialog", { name: "Delete this exception?" }).getByRole("button", { name: "Delete exception" }).click();
  await expect(row).toHaveCount(0);
});
