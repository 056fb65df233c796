/**
 * The URL people and agents use to reach this server, for invitation links and agent install
 * commands. AUTH_URL (needed by Auth.js anyway) wins; otherwise the request's forwarded or
 * direct origin.
 */
export function publicBaseUrl(req: Request, env: Record<string, string | undefined> = process.env): string {
  const configured = env.AUTH_URL?.trim();
  if (configured) {
    const url = new URL(configured);
    // AUTH_URL may point at the auth base path (…/api/auth); the app lives at the origin.
    return url.origin;
  }
  const forwardedHost = req.headers.get("x-forwarded-host")?.split(",")[0].trim();
  const forwardedProto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim();
  if (forwardedHost) return `${forwardedProto || "https"}://${forwardedHost}`;
  return new URL(req.url).origin;
}
