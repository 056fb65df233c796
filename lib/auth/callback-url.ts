/** Only same-site paths are allowed as post-sign-in destinations (no open redirects). */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Never bounce back to the auth pages themselves.
  if (/^\/(sign-in|sign-up)(\/|\?|$)/.test(value)) return fallback;
  return value;
}
