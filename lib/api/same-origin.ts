import { AppError } from "@/lib/api/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated, state-changing requests must come from our own pages. Browsers send
 * Origin on cross-site POST/PATCH/DELETE; when it names another host the request is refused.
 * (Non-browser clients send no Origin and are not a CSRF vector.)
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") {
    if (origin === "null") throw new AppError("forbidden", "Cross-origin requests are not allowed.");
    return;
  }
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "Cross-origin requests are not allowed.");
  }
  if (!host || originHost !== host.split(",")[0].trim()) {
    throw new AppError("forbidden", "Cross-origin requests are not allowed.");
  }
}
