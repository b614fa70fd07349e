import { NextResponse, type NextRequest } from "next/server";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { prisma } from "@/lib/db";
import { setFlash } from "@/lib/flash";
import { clientIp } from "@/lib/auth/client-ip";
import { confirmEmail } from "@/lib/account/service";

// The link in the sign-up confirmation mail. Confirming an address is what its owner wants, so a GET
// may do it (a mail scanner following the link confirms the address it was sent to, nothing else).
export async function GET(request: NextRequest) {
  // A query parameter, not a path segment: Next answers 500 to an undecodable segment ("%FF").
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const user = await orServiceUnavailable(`/confirm-email/verify?${new URLSearchParams({ token })}`, () => confirmEmail(prisma, token, clientIp(request.headers)));
  if (!user) return NextResponse.redirect(new URL("/link-invalid?kind=confirm", request.nextUrl));
  await setFlash("Thank you, your e-mail address is confirmed.");
  return NextResponse.redirect(new URL("/account", request.nextUrl));
}
