// Every dashboard page on the demo fleet renders real data (no error, no endless loading), at a
// laptop width and on a phone, with a screenshot of each as an artifact.
import { expect, test, type Page } from "@playwright/test";
import { clusterIdOf, DEMO_SLUG, screenshotPage, settled, signInDemo } from "./dashboard-support";

async function noErrors(page: Page) {
  await settled(page);
  await expect(page.getByText("Could not load this data")).toHaveCount(0);
}

test("overview, controls, control, cluster tabs, exceptions and reports at 1280 px", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInDemo(page);

  await page.goto(`/o/${DEMO_SLUG}`);
  await noErrors(page);
  await expect(page.getByTestId("top-failing-controls").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("fleet-trend").locator("svg").first()).toBeVisible();
  await expect(page.getByText(/has not reported for over an hour/)).toBeVisible();
  await screenshotPage(page, "dashboard-overview");

  await page.getByLabel("Environment").selectOption("production");
  await expect(page).toHaveURL(/environment=production/);
  await expect(page.locator('[data-testid^="overview-cluster-"]')).toHaveCount(3);
  await page.reload();
  await expect(page.getByLabel("Environment")).toHaveValue("production");
  await expect(page.locator('[data-testid^="overview-cluster-"]')).toHaveCount(3);
  await screenshotPage(page, "dashboard-overview-filtered");

  await page.goto(`/o/${DEMO_SLUG}/controls?status=failing&severity=critical`);
  await noErrors(page);
  await expect(page.locator('[data-testid^="control-row-"]').first()).toBeVisible();
  await expect(page.getByLabel("Severity")).toHaveValue("critical");
  await screenshotPage(page, "dashboard-controls");

  await page.goto(`/o/${DEMO_SLUG}/controls/SS-0041`);
  await noErrors(page);
  await expect(page.getByTestId("control-frameworks")).toContainText("5.2.5");
  await expect(page.getByTestId("control-exceptions")).toContainText("node-exporter");
  await screenshotPage(page, "dashboard-control");

  const id = await clusterIdOf(page, "dc1-frankfurt");
  for (const tab of ["overview", "controls", "drift", "resources", "agent", "vulnerabilities"]) {
    await page.goto(`/o/${DEMO_SLUG}/clusters/${id}?tab=${tab}${tab === "resources" ? "&failing=true&object=apps%2FDaemonSet%2Fkube-system%2Fkube-proxy" : ""}`);
    await noErrors(page);
    await expect(page.getByRole("tab", { selected: true })).toBeVisible();
    await screenshotPage(page, `dashboard-cluster-${tab}`);
  }
  await page.goto(`/o/${DEMO_SLUG}/clusters/${id}?tab=vulnerabilities`);
  await expect(page.getByTestId("vulnerabilities")).toContainText("legacy-admin");
  await page.goto(`/o/${DEMO_SLUG}/clusters/${id}?tab=agent`);
  await expect(page.getByTestId("collection-errors")).toContainText("networkpolicies");
  await expect(page.getByText(/latest snapshot is partial/)).toBeVisible();

  const stale = await clusterIdOf(page, "dev-kind");
  await page.goto(`/o/${DEMO_SLUG}/clusters/${stale}`);
  await expect(page.getByText(/Stale agent/)).toBeVisible();
  await screenshotPage(page, "dashboard-cluster-stale");

  await page.goto(`/o/${DEMO_SLUG}/exceptions`);
  await noErrors(page);
  await expect(page.getByTestId("stale-exceptions")).toContainText("expired");
  await expect(page.getByTestId("stale-exceptions")).toContainText("matches nothing");
  await screenshotPage(page, "dashboard-exceptions");

  await page.goto(`/o/${DEMO_SLUG}/reports`);
  await noErrors(page);
  await expect(page.getByTestId("report-score")).toContainText("%");
});

test("keyboard: cluster tabs move with the arrow keys and the URL follows", async ({ page }) => {
  await signInDemo(page);
  const id = await clusterIdOf(page, "prod-westeurope");
  await page.goto(`/o/${DEMO_SLUG}/clusters/${id}`);
  await page.getByRole("tab", { name: "Overview" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Controls" })).toBeFocused();
  await expect(page).toHaveURL(/tab=controls/);
  await page.keyboard.press("End");
  await expect(page.getByRole("tab", { name: "Vulnerabilities" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("No vulnerability report attached")).toBeVisible();
});

test("on a phone the overview, a cluster and a control stay usable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInDemo(page);
  await page.goto(`/o/${DEMO_SLUG}`);
  await noErrors(page);
  await expect(page.getByTestId("org-score")).toBeVisible();
  await screenshotPage(page, "dashboard-overview-phone");
  const id = await clusterIdOf(page, "prod-us-east-1");
  await page.goto(`/o/${DEMO_SLUG}/clusters/${id}`);
  await noErrors(page);
  await screenshotPage(page, "dashboard-cluster-phone");
  await page.goto(`/o/${DEMO_SLUG}/controls/SS-0057`);
  await noErrors(page);
  await screenshotPage(page, "dashboard-control-phone");
});
