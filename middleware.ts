import { NextResponse, type NextRequest } from "next/server";
import { can } from "@/lib/auth/permissions";
import { readSessionClaims } from "@/lib/auth/session-token";
import { newNonce, nonceCsp } from "@/lib/security-headers";
import { MAX_ACTION_BODY_BYTES } from "@/lib/validation/limits";

// Edge fast path, JWT only (no database): signed-out visitors to private pages go to sign-in, and
// tokens without admin.access are kept out of /admin. It is a convenience: the (account) and (admin)
// layouts and every action check again on the server, against the database.
// It also gives every page it sees a nonce-based Content-Security-Policy, so every page in the matcher
// must be rendered per request (a prerendered page has no nonce on its scripts and would not run them),
// and every page rendered per request must be in it: the other pages get the build's hash-based policy
// (scripts/csp-hashes.ts), which allows only the inline scripts of the prerendered HTML. `npm run build`
// fails when either rule is broken.
export default async function middleware(request: NextRequest) {
  if (request.method === "POST") {
    const refused = refuseBadPost(request);
    if (refused) return refused;
  }
  const { pathname, search } = request.nextUrl;
  const isPrivate = pathname.startsWith("/account") || pathname.startsWith("/admin");
  if (isPrivate) {
    const claims = await readSessionClaims(request.cookies);
    if (!claims) {
      const signIn = new URL("/sign-in", request.nextUrl);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(signIn);
    }
    if (pathname.startsWith("/admin") && !can({ roles: claims.roles ?? [], permissions: claims.perms ?? [] }, "admin.access")) {
      // /forbidden is prerendered: it keeps the build's hash-based policy (a nonce would block its scripts).
      return NextResponse.rewrite(new URL("/forbidden", request.nextUrl), { status: 403 });
    }
  }
  return withCsp(request, (headers) => NextResponse.next({ request: { headers } }));
}

/**
 * Next.js itself refuses a cross-origin server action and an oversized body, but answers both with a
 * 500; here they get the status they deserve (403, 413) before any action code runs.
 */
function refuseBadPost(request: NextRequest): NextResponse | null {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      /* "null" or garbage: refused below */
    }
    if (originHost !== host) return new NextResponse("Cross-origin request refused.", { status: 403 });
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_ACTION_BODY_BYTES) return new NextResponse("Request body too large.", { status: 413 });
  return null;
}

function withCsp(request: NextRequest, respond: (headers: Headers) => NextResponse): NextResponse {
  const csp = nonceCsp(newNonce(), process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = respond(headers);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    "/account/:path*",
    "/admin/:path*",
    "/sign-in",
    "/sign-up",
    "/reset-password",
    "/confirm-email/:path*",
    "/confirm-email-change",
    "/link-invalid",
    "/test-only/:path*", // rendered per request (MFO_TEST_ROUTES is read at run time)
    // Server action posts on any page (the header's sign-out form is on every page): with JavaScript
    // they carry Next-Action, without it they are multipart forms.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
