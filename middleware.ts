import { NextResponse, type NextRequest } from "next/server";
import { readSessionClaims, usesSecureCookies } from "@/lib/auth/session-token";
import { newNonce, nonceCsp } from "@/lib/security/headers";
import { MAX_ACTION_BODY_BYTES } from "@/lib/validation/limits";
import { IMPORT_UPLOAD_PATH, MAX_IMPORT_BODY_BYTES } from "@/lib/festival/import/limits";
import { REQUEST_PATH_HEADER, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE_PATH } from "@/lib/service-unavailable";

// Edge, no database: visitors to private pages without a session cookie that decrypts go to sign-in.
// It decides nothing about access: every page, /api/account and every action call the guards
// (lib/auth/guards.ts), which look the session row and the user's permissions up in the database.
// It also gives every page it sees a nonce-based Content-Security-Policy, so every page in the matcher
// must be rendered per request (a prerendered page has no nonce on its scripts and would not run them;
// a prerendered private page, /account, is matched only while the session cookie is missing, so all it
// ever gets here is the redirect to sign-in), and every page rendered per request must be in it: the other pages get the build's hash-based policy
// (scripts/csp-hashes.ts), which allows only the inline scripts of the prerendered HTML. `npm run build`
// fails when either rule is broken.
export default async function middleware(request: NextRequest) {
  if (request.method === "POST") {
    const refused = refuseBadPost(request) ?? (await refuseOversizedStream(request));
    if (refused) return refused;
  }
  const { pathname } = request.nextUrl;
  const isPrivate = pathname.startsWith("/account") || pathname.startsWith("/admin") || pathname.startsWith("/entries");
  if (isPrivate) {
    if (!(await readSessionClaims(request.cookies, usesSecureCookies(request.headers)))) return toSignIn(request);
  }
  if (pathname === SERVICE_UNAVAILABLE_PATH) {
    // A page cannot set its own status: the rewrite (to itself) carries the 503.
    return withCsp(request, (headers) => {
      const response = NextResponse.rewrite(request.nextUrl, { status: 503, request: { headers } });
      response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return response;
    });
  }
  return withCsp(request, (headers) => NextResponse.next({ request: { headers } }));
}

function toSignIn(request: NextRequest): NextResponse {
  const signIn = new URL("/sign-in", request.nextUrl);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
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
  if (length > bodyLimit(request)) return new NextResponse("Request body too large.", { status: 413 });
  return null;
}

/**
 * Every post is held to the server actions' limit, except the festival office's spreadsheet upload (a
 * route handler, not an action: Next's own action limit stays as it is), which takes a 5 MB file.
 */
function bodyLimit(request: NextRequest): number {
  return request.nextUrl.pathname === IMPORT_UPLOAD_PATH ? MAX_IMPORT_BODY_BYTES : MAX_ACTION_BODY_BYTES;
}

/**
 * A chunked post has no Content-Length to check: count its bytes (the middleware reads a copy; Next
 * keeps the body for the action), so it gets the same 413 as one with a length, not Next's 500.
 */
async function refuseOversizedStream(request: NextRequest): Promise<NextResponse | null> {
  if (request.headers.has("content-length") || !request.body) return null;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > bodyLimit(request)) return new NextResponse("Request body too large.", { status: 413 });
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  return null;
}

function withCsp(request: NextRequest, respond: (headers: Headers) => NextResponse): NextResponse {
  const csp = nonceCsp(newNonce(), process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set(REQUEST_PATH_HEADER, requestPath(request));
  const response = respond(headers);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/** Path and query as the visitor sees them (without Next's own _rsc cache-buster). */
function requestPath(request: NextRequest): string {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc");
  return `${url.pathname}${url.search}`;
}

export const config = {
  matcher: [
    "/account/:path+",
    // /account itself is prerendered and holds nothing to protect (app/(account)/account/README.md):
    // the middleware only needs to see visitors without a session cookie, to send them to sign-in.
    // Signed-in views skip it (a pass-through costs as much as serving the page). Next reads this
    // matcher statically, so it is written out here rather than imported from the page's folder.
    {
      source: "/account",
      missing: [
        { type: "cookie", key: "authjs.session-token" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
      ],
    },
    "/admin/:path*",
    "/entries/:path*", // the festival entrant's pages, rendered per request
    "/sign-in",
    "/sign-in/verify",
    "/sign-up",
    "/reset-password",
    "/confirm-email/:path*",
    "/confirm-email-change",
    "/link-invalid",
    "/sign-in-link/open", // the mailed sign-in link (its request form and "sent" page are prerendered)
    "/service-unavailable",
    "/syllabus", // rendered per request from cached data (docs/decisions/syllabus-caching.md)
    "/syllabus/:path+",
    "/programme/:path*", // the published programme, per request from cached data (docs/decisions/schedule.md)
    "/test-only/:path*", // rendered per request (MFO_TEST_ROUTES is read at run time)
    // Server action posts on any page (the header's sign-out form is on every page): with JavaScript
    // they carry Next-Action, without it they are multipart forms.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
