import { NextResponse, type NextRequest } from "next/server";
import { orServiceUnavailable } from "@/lib/db-fallback";
import { prisma } from "@/lib/db";
import { setFlash } from "@/lib/flash";
import { clientIp } from "@/lib/auth/client-ip";
import { confirmEmailChange } from "@/lib/account/service";

// The link mailed to the new address of an e-mail change: following it proves the address works.
export async function GET(request: NextRequest) {
  // A query parameter, not a path segment: Next answers 500 to an undecodable segment ("%FF").
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const result = await orServiceUnavailable(`/confirm-email-change?${new URLSearchParams({ token })}`, () => confirmEmailChange(prisma, token, clientIp(request.headers)));
  if (result.outcome === "invalid") return NextResponse.redirect(new URL("/link-invalid?kind=email-change", request.nextUrl));
  if (result.outcome === "taken") {
    await setFlash("That address now belongs to another account, so your e-mail address was not changed.");
    return NextResponse.redirect(new URL("/account", request.nextUrl));
  }
  await setFlash(`Your e-mail address is now ${result.email}.`);
  return NextResponse.redirect(new URL("/account", request.nextUrl));
}
