// Report downloads: the CSV parses and carries the page's numbers; the PDF has pages and the title.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../integration/dashboard/support/parse-csv";
import { pdfFacts } from "../integration/dashboard/support/pdf-facts";
import { DEMO_SLUG, screenshotPage, settled, signInDemo } from "./dashboard-support";

test("the compliance report's CSV and PDF downloads match the report page", async ({ page }) => {
  test.setTimeout(180_000);
  await signInDemo(page);
  await page.goto(`/o/${DEMO_SLUG}/reports?framework=pss-baseline`);
  await settled(page);
  await expect(page.getByRole("heading", { name: /Pod Security Standards — Baseline compliance report — Acme Corp/ })).toBeVisible();
  const pageScore = (await page.getByTestId("report-score").textContent())!.trim();
  await screenshotPage(page, "dashboard-reports");

  // Controls CSV: one row per control, the same clusters-failing and failing-resources figures as the page's table.
  const [controlsDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv-controls").click()]);
  expect(controlsDownload.suggestedFilename()).toMatch(/^shipshape-acme-corp-pss-baseline-\d{4}-\d{2}-\d{2}-controls\.csv$/);
  const controls = parseCsv(readFileSync((await controlsDownload.path())!, "utf8"));
  const header = controls[0];
  const at = (name: string) => header.indexOf(name);
  const rows = controls.slice(1);
  expect(rows.length).toBe(await page.locator('tr[data-testid^="report-control-"]').count());
  for (const row of rows) {
    const pageRow = page.getByTestId(`report-control-${row[at("control_id")]}`);
    const cells = pageRow.locator("td");
    const total = Number(row[at("clusters_failing")]) + Number(row[at("clusters_passing")]) + Number(row[at("clusters_excepted")]);
    await expect(cells.nth(5)).toHaveText(`${row[at("clusters_failing")]} / ${total}`);
    await expect(cells.nth(6)).toHaveText(row[at("failed_resources")]);
  }

  // Clusters CSV: the organization's score on the page is the mean of the clusters' scores.
  const [clustersDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv-clusters").click()]);
  const clusters = parseCsv(readFileSync((await clustersDownload.path())!, "utf8"));
  const scores = clusters.slice(1).map((r) => r[clusters[0].indexOf("score")]).filter((s) => s !== "").map((s) => Math.round(Number(s) * 10));
  expect(`${(Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) / 10).toFixed(1)}%`).toBe(pageScore);
  expect(clusters.length - 1).toBe(await page.locator('tr[data-testid^="report-cluster-"]').count());

  const [pdfDownload] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), page.getByTestId("download-pdf").click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const facts = pdfFacts(readFileSync((await pdfDownload.path())!));
  expect(facts.isPdf).toBe(true);
  expect(facts.pages).toBeGreaterThanOrEqual(2);
  expect(facts.title).toBe("Pod Security Standards — Baseline compliance report — Acme Corp");

  // The printable version is the same document, for the browser's own print dialog.
  const [printable] = await Promise.all([page.waitForEvent("popup"), page.getByTestId("printable").click()]);
  await expect(printable.getByRole("heading", { name: "Executive summary" })).toBeVisible();
  await expect(printable.locator('[data-field="score"]')).toHaveText(pageScore);
  await printable.emulateMedia({ media: "print" });
  await screenshotPage(printable, "dashboard-report-printable");
});
