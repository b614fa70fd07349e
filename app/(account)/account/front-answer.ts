// A file path (not the package directory): Node resolves the bundle's imports as ES modules.
import { RequestCookies, ResponseCookies } from "next/dist/server/web/spec-extension/cookies.js";
import { SESSION_HINT_COOKIE, encodeSessionHint } from "@/lib/session-hint";
import { sessionHintCookieOptions } from "@/lib/session-hint/cookie-options";
import { accountDataAnswer } from "./data-answer";

// GET /api/account for the custom server in front of Next (scripts/serve/account-data.mjs): the same
// answer as the Next route (data.ts), with Next's own cookie parser and writer, so the cookies read and
// the hint written are byte for byte what the route would do. `npm run build` bundles this file and
// what it imports into .next/mfo/front-answer.mjs (scripts/serve/build-front.mjs).
// Next's route-handler machinery costs about 1 ms a request here (the bench's floor): a whole view of
// /account (the cached shell, then this) was held to 0.67-0.86x the original Flask app's /account/.

export async function frontAccountData(requestHeaders: Headers): Promise<{ status: number; headers: [string, string][]; body: string }> {
  const answer = await accountDataAnswer(new RequestCookies(requestHeaders), requestHeaders);
  const headers: [string, string][] = Object.entries(answer.headers);
  if (answer.sessionHint) {
    const written = new Headers();
    new ResponseCookies(written).set(SESSION_HINT_COOKIE, encodeSessionHint(answer.sessionHint), sessionHintCookieOptions());
    for (const cookie of written.getSetCookie()) headers.push(["set-cookie", cookie]);
  }
  return { status: answer.status, headers, body: JSON.stringify(answer.body) };
}
