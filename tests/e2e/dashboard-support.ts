// Helpers for the dashboard e2e specs: demo sign-in and full-height screenshots (the app shell
// scrolls inside <main>, so a "full page" screenshot would stop at the window).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-fleet";
import { signIn } from "./support";

const SCREENSHOTS = process.env.SHIPSHAPE_E2E_SCREENSHOTS ?? path.resolve(__dirname, "../../artifacts/screenshots");
export const DEMO_SLUG = "acme-corp";

export async function signInDemo(page: Page, who: "owner" | "viewer" = "owner"): Promise<void> {
  await signIn(page, DEMO_USERS[who].email, process.env.SHIPSHAPE_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
}

/** Screenshot of the whole page content at the current width (artifacts/screenshots/<name>.png). */
export async function screenshotPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => {
    const main = document.querySelector("main");
    return Math.max(document.documentElement.scrollHeight, (main?.scrollHeight ?? 0) + (main?.getBoundingClientRect().top ?? 0));
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 8000) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(viewport);
}

/** Waits until no skeleton or loading placeholder is left on the page. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 30_000 });
}

/** The cluster id behind a link labelled with the cluster's name on the overview. */
export async function clusterIdOf(page: Page, name: string): Promise<string> {
  await page.goto(`/o/${DEMO_SLUG}`);
  const href = await page.getByTestId(`overview-cluster-${name}`).getByRole("link", { name }).getAttribute("href");
  const id = /\/clusters\/([^/?]+)/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`no cluster link for ${name}`);
  return id;
}
