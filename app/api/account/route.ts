import { checkAccount, refusalPath } from "@/lib/auth/guards";
import { accountView } from "@/lib/account/view-builder";
import type { AccountRefused, AccountView } from "@/lib/account/view";
import { countRoundTrips } from "@/lib/db-round-trips";

// The data behind /account, whose HTML is prerendered and the same for everyone (so it is served as
// fast as the home page). This is where that page's access check happens: one cookie decryption and
// one query, which also carries the sign-in history, so a page view costs one database round trip.
export async function GET() {
  const { result: access, roundTrips } = await countRoundTrips(() => checkAccount());
  const headers = {
    "Cache-Control": "private, no-store",
    Vary: "Cookie",
    "Server-Timing": `db;desc="${roundTrips} round trip${roundTrips === 1 ? "" : "s"}"`,
  };
  if ("refusal" in access) {
    const body: AccountRefused = { refusal: access.refusal, location: refusalPath(access.refusal, "/account") };
    return Response.json(body, { status: access.refusal === "unconfirmed" ? 403 : 401, headers });
  }
  const body: AccountView = accountView(access.user);
  return Response.json(body, { headers });
}
