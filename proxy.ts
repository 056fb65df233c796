import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/auth";

// Signed-out visitors of app pages go to sign-in and come back afterwards. This is a convenience
// redirect only: every page and route still resolves the session and membership itself
// (requireOrgPageAccess / withOrg), so nothing depends on this running.
export const proxy = auth((req) => {
  if (req.auth?.user?.id) return NextResponse.next();
  const url = req.nextUrl;
  const signIn = new URL("/sign-in", url);
  const back = url.pathname + url.search;
  if (back !== "/") signIn.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(signIn);
});

export const config = {
  // API routes answer 401 JSON themselves; auth pages, invitations, health and assets are public.
  matcher: ["/", "/o/:path*", "/orgs/:path*"],
};
