import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { FLASH_COOKIE } from "@/lib/flash/cookie";

/**
 * A one-time message for the next page ("You have been signed out."). It rides in a short-lived
 * cookie that components/flash-message.tsx reads and clears in the browser, so pages that show it
 * stay cacheable. Not HttpOnly on purpose: it holds nothing but the message text.
 */
export async function setFlash(message: string): Promise<void> {
  // Next percent-encodes the value; the browser side decodes it.
  (await cookies()).set(FLASH_COOKIE, message, { path: "/", maxAge: 60, sameSite: "lax" });
}

/** A change's success: the message for the next page, and a redirect (so a reload does not post again). */
export async function redirectWithFlash(message: string, to: string): Promise<never> {
  await setFlash(message);
  redirect(to);
}
