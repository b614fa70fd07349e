import { expect } from "@playwright/test";
import { E2E } from "./env";

// Reads what the app really sent, from maildev's REST API (GET /api/email).

export interface ReceivedMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name?: string }[];
  from: { address: string; name?: string }[];
  time: string;
}

const API = `http://127.0.0.1:${E2E.mailWebPort}/api`;

export async function allMail(): Promise<ReceivedMail[]> {
  const response = await fetch(`${API}/email`);
  if (!response.ok) throw new Error(`maildev answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
}

export async function mailTo(address: string, subject?: RegExp): Promise<ReceivedMail[]> {
  const wanted = address.toLowerCase();
  return (await allMail()).filter(
    (m) => m.to.some((t) => t.address.toLowerCase() === wanted) && (!subject || subject.test(m.subject)),
  );
}

/** Waits (bounded) until `count` mails to `address` (with a matching subject) have arrived; returns the newest. */
export async function waitForMail(address: string, subject?: RegExp, count = 1): Promise<ReceivedMail> {
  let found: ReceivedMail[] = [];
  await expect
    .poll(async () => (found = await mailTo(address, subject)).length, { timeout: 15_000, message: `mail to ${address} ${subject ?? ""}` })
    .toBeGreaterThanOrEqual(count);
  return found.sort((a, b) => a.time.localeCompare(b.time)).at(-1)!;
}

/** Every absolute link in the plain-text part. */
export function linksIn(mail: ReceivedMail): string[] {
  return mail.text.match(/https?:\/\/\S+/g) ?? [];
}

/** The one link in the mail that goes to `pathPrefix` on the site. */
export function linkTo(mail: ReceivedMail, pathPrefix: string): string {
  const link = linksIn(mail).find((l) => new URL(l).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`no ${pathPrefix} link in "${mail.subject}":\n${mail.text}`);
  return link;
}

/**
 * Signs the browser out by dropping its cookies, after leaving the page: a late response (the account
 * page's /api/account refreshes the header's hint cookie) would otherwise put a cookie back.
 */
export async function dropSession(page: import("@playwright/test").Page): Promise<void> {
  await page.goto("about:blank");
  await page.context().clearCookies();
}
