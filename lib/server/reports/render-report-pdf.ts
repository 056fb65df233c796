import { existsSync } from "node:fs";
import { AppError } from "@/lib/api/errors";

// PDFs are printed by a real headless Chromium from the report's HTML document (setContent: no
// navigation, no cookies, every network request refused). One render at a time per process: a
// browser costs ~150 MB, and reports are occasional.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const RENDER_TIMEOUT_MS = 60_000;

let queue: Promise<unknown> = Promise.resolve();

export function chromiumPath(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** A4 PDF of a self-contained HTML document, with page numbers in the footer. */
export async function renderPdf(html: string, { title }: { title: string }): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new AppError("service_unavailable", "PDF export needs Chromium on the server (set CHROMIUM_PATH). Use the printable HTML version and your browser's “Save as PDF” instead.");
  }
  const run = async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: RENDER_TIMEOUT_MS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route("**/*", (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load", timeout: RENDER_TIMEOUT_MS });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:7px;width:100%;padding:0 12mm;color:#71717a;">${title.replace(/[<>&"]/g, "")}</div>`,
        footerTemplate: '<div style="font-size:7px;width:100%;padding:0 12mm;color:#71717a;text-align:right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await browser.close();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
