import "server-only";
import { siteUrl } from "@/lib/env";
import { sendMail } from "./transport";
import type { MailMessage } from "./messages";

/** Mails go out only when there is a configured site URL to link to. */
export async function mailToSite(to: string, build: (site: string) => MailMessage): Promise<void> {
  const site = siteUrl();
  if (!site) {
    console.error("mfo mail: AUTH_URL is not set in production, so no mail with links can be sent.");
    return;
  }
  await sendMail(to, build(site));
}
