import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import type { MailMessage } from "./messages";

let transporter: Transporter | undefined;

function transport(smtpUrl: string): Transporter {
  transporter ??= nodemailer.createTransport(smtpUrl);
  return transporter;
}

/**
 * Sends one message. Never throws: a mail that cannot go out is logged clearly (SMTP_URL missing,
 * server down) and the request that caused it still gets its answer. Returns whether it was accepted.
 */
export async function sendMail(to: string, message: MailMessage): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  if (!SMTP_URL) {
    console.error(`mfo mail: SMTP_URL is not set, so "${message.subject}" to ${to} was not sent.`);
    if (NODE_ENV === "development") console.error(message.text);
    return false;
  }
  try {
    await transport(SMTP_URL).sendMail({ from: MAIL_FROM, to, subject: message.subject, text: message.text, html: message.html });
    return true;
  } catch (error) {
    console.error(`mfo mail: sending "${message.subject}" to ${to} failed:`, error instanceof Error ? error.message : error);
    return false;
  }
}
