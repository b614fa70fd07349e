"use server";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { setFlash } from "@/lib/flash";
import { requestIp } from "@/lib/auth/request-ip";
import { confirmEmailChange } from "@/lib/account/service";
import { orServiceUnavailable } from "@/lib/db/fallback";

/**
 * The button on /confirm-email-change: a POST completes the change (a mail scanner's GET of the link
 * changes nothing). The token is the authority, as in the link; no session is needed.
 */
export async function confirmEmailChangeAction(formData: FormData): Promise<void> {
  const raw = formData.get("token");
  const token = typeof raw === "string" ? raw : "";
  const result = await orServiceUnavailable("/account/security", async () => confirmEmailChange(prisma, token, await requestIp()));
  if (result.outcome === "invalid") redirect("/link-invalid?kind=email-change");
  if (result.outcome === "taken") {
    await setFlash("That address now belongs to another account, so your e-mail address was not changed.");
    redirect("/account");
  }
  // Every session of the account ended with the change: this browser's too.
  await setFlash(`Your e-mail address is now ${result.email}. Please sign in with it.`);
  redirect("/sign-in");
}
