// Overview → cluster → control → create an exception from a finding → the score changes once the
// worker has re-scored; and a VIEWER sees the same pages without any admin action.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_SLUG, screenshotPage, settled, signInDemo } from "./dashboard-support";

const CLUSTER = "prod-us-east-1";
const OBJECT = "apps/Deployment/payments/fraud-scanner";

/** The cluster's PSS Baseline score with one decimal, from the score cell's label on the overview. */
async function baselineScore(page: Page): Promise<number> {
  await page.goto(`/o/${DEMO_SLUG}?framework=pss-baseline`);
  const cell = page.getByTestId(`overview-cluster-${CLUSTER}`).locator("[title$='% compliant']");
  await expect(cell).toBeVisible();
  return Number((await cell.getAttribute("title"))!.replace("% compliant", ""));
}

test("overview → cluster → control → create exception → the score changes", async ({ page }) => {
  test.setTimeout(240_000);
  await signInDemo(page);
  const before = await baselineScore(page);

  await page.goto(`/o/${DEMO_SLUG}`);
  await settled(page);
  await expect(page.getByTestId("org-score")).toContainText("%");
  await expect(page.getByTestId("regressions")).toContainText(CLUSTER);
  await page.getByTestId(`overview-cluster-${CLUSTER}`).getByRole("link", { name: CLUSTER }).click();
  await expect(page.getByRole("heading", { name: CLUSTER })).toBeVisible();

  await page.getByRole("tab", { name: "Controls" }).click();
  await expect(page).toHaveURL(/tab=controls/);
  const row = page.getByTestId("cluster-control-SS-0057");
  await expect(row).toContainText("Failed");
  await row.getByRole("link", { name: "Privileged container" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${DEMO_SLUG}/controls/SS-0057`));
  await expect(page.getByRole("heading", { name: /Privileged container/ })).toBeVisible();

  const failing = page.getByTestId("control-failed-resources");
  await expect(failing).toBeVisible();
  const failingBefore = Number((await failing.locator("div").nth(1).textContent())!.trim());
  const finding = page.getByTestId(`finding-${CLUSTER}-${OBJECT}`);
  await expect(finding).toContainText("spec.template.spec.containers[0].securityContext.privileged");
  await finding.getByRole("button", { name: "Create exception" }).click();

  const dialog = page.getByRole("dialog", { name: "Create exception" });
  await expect(dialog.getByLabel("Controls", { exact: true })).toHaveValue("SS-0057");
  await expect(dialog.getByLabel("Clusters", { exact: true })).toHaveValue(CLUSTER);
  await expect(dialog.getByLabel("Names", { exact: true })).toHaveValue("fraud-scanner");
  await dialog.getByLabel("Reason").fill("Vendor fraud scanner needs the Docker socket until its v3 agent ships.");
  await dialog.getByLabel("Owner").fill("payments-team");
  await screenshotPage(page, "dashboard-create-exception");
  await dialog.getByRole("button", { name: "Create exception" }).click();
  // Either a re-score is queued now, or one already waiting (an earlier change) will read the new exception.
  await expect(page.getByRole("status").filter({ hasText: "Exception created" })).toBeVisible();

  // The worker re-scores the cluster's latest snapshot; the page refreshes as results land.
  await expect(async () => {
    await page.reload();
    await expect(failing.locator("div").nth(1)).toHaveText(String(failingBefore - 1), { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId("control-exceptions")).toContainText("Vendor fraud scanner");
  await expect(finding).toContainText("excepted");

  const after = await baselineScore(page);
  expect(after).toBeGreaterThan(before);

  await page.goto(`/o/${DEMO_SLUG}/exceptions`);
  await expect(page.getByText("Vendor fraud scanner needs the Docker socket")).toBeVisible();
});

test("a VIEWER sees controls and exceptions but no admin action, and the API refuses", async ({ page }) => {
  await signInDemo(page, "viewer");
  await page.goto(`/o/${DEMO_SLUG}/controls/SS-0057`);
  await settled(page);
  await expect(page.locator('[data-testid^="finding-"]').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Create exception" })).toHaveCount(0);

  await page.goto(`/o/${DEMO_SLUG}/exceptions`);
  await expect(page.getByText("read-only", { exact: true }).first()).toBeVisible();
  await expect(page.locator('[data-testid^="exception-row-"]').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "New exception" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await screenshotPage(page, "dashboard-exceptions-viewer");

  const res = await page.request.post(`/api/orgs/${DEMO_SLUG}/exceptions`, { data: { controlIds: ["SS-0057"], reason: "viewer tries" } });
  expect(res.status()).toBe(403);
});
