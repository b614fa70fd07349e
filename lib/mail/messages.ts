// What the app says by mail. Pure builders: every message has a plain-text and an HTML part, names the
// festival, and links only to `site` (the configured site URL, never a request's Host header).

export const FESTIVAL_NAME = "Music Festival Organizer";

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** An absolute link on the site: `path` must be a path ("/reset-password?token=…"). */
export function siteLink(site: string, path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error("siteLink takes a path");
  return `${site.replace(/\/+$/, "")}${path}`;
}

export interface Parts {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

export function compose({ subject, paragraphs, action, footer }: Parts): MailMessage {
  const closing = footer ?? "If you did not ask for this, you can ignore this message.";
  const text = [
    `${FESTIVAL_NAME}`,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    closing,
    "",
    `— ${FESTIVAL_NAME}`,
  ].join("\n");
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f1235">',
    `<p style="font-weight: bold; color: #4c1d95">${escapeHtml(FESTIVAL_NAME)}</p>`,
    // A paragraph's own line breaks (a receipt's piece list) stay line breaks in HTML.
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>\n")}</p>`),
    ...(action
      ? [`<p><a href="${escapeHtml(action.url)}" style="color: #4c1d95; font-weight: bold">${escapeHtml(action.label)}</a></p>`]
      : []),
    `<p>${escapeHtml(closing)}</p>`,
    `<p>— ${escapeHtml(FESTIVAL_NAME)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `${subject} · ${FESTIVAL_NAME}`, text, html };
}

function minutes(seconds: number): string {
  const m = Math.round(seconds / 60);
  return m % 60 === 0 ? `${m / 60} hour${m === 60 ? "" : "s"}` : `${m} minutes`;
}

export function passwordResetMessage(site: string, token: string, ttlSeconds: number): MailMessage {
  return compose({
    subject: "Reset your password",
    paragraphs: [
      "Someone (hopefully you) asked to reset the password of the festival account for this address.",
      `The link below works once, for ${minutes(ttlSeconds)}.`,
    ],
    action: { label: "Choose a new password", url: siteLink(site, `/reset-password?token=${encodeURIComponent(token)}`) },
  });
}

export function passwordChangedMessage(site: string): MailMessage {
  return compose({
    subject: "Your password was changed",
    paragraphs: ["The password of your festival account was just changed, and every other session was signed out."],
    action: { label: "If this was not you, reset your password", url: siteLink(site, "/forgot-password") },
    footer: "If it was you, there is nothing more to do.",
  });
}

export function emailChangeConfirmMessage(site: string, token: string, newEmail: string): MailMessage {
  return compose({
    subject: "Confirm your new e-mail address",
    paragraphs: [`Your festival account asked to use ${newEmail} from now on.`, "Your address changes when you follow this link (valid for 24 hours)."],
    action: { label: "Confirm this address", url: siteLink(site, `/confirm-email-change?token=${encodeURIComponent(token)}`) },
  });
}

export function emailChangeNoticeMessage(site: string, newEmail: string): MailMessage {
  return compose({
    subject: "Your e-mail address is being changed",
    paragraphs: [
      `Someone signed in to your festival account asked to change its e-mail address to ${newEmail}.`,
      "Nothing changes until the new address is confirmed.",
    ],
    action: { label: "If this was not you, reset your password", url: siteLink(site, "/forgot-password") },
    footer: "If it was you, there is nothing more to do.",
  });
}

export function signUpConfirmMessage(site: string, token: string): MailMessage {
  return compose({
    subject: "Confirm your e-mail address",
    paragraphs: ["Welcome to the festival! Please confirm that this address is yours (the link is valid for 24 hours)."],
    action: { label: "Confirm my e-mail address", url: siteLink(site, `/confirm-email/verify?token=${encodeURIComponent(token)}`) },
  });
}

/** To the old address once an e-mail change is confirmed: the owner learns of a takeover at once. */
export function emailChangedMessage(site: string, newEmail: string): MailMessage {
  return compose({
    subject: "Your e-mail address was changed",
    paragraphs: [
      `The e-mail address of your festival account is now ${newEmail}. Every session of the account was signed out, and mail goes to the new address from now on.`,
      "If this was not you, someone has your password or a session of yours: tell the festival's organizers at once.",
    ],
    action: { label: "Sign in", url: siteLink(site, "/sign-in") },
    footer: "If it was you, there is nothing more to do.",
  });
}

/** To the owner of an address someone tried to sign up with (sign-up answers as for a new address). */
export function signUpAttemptMessage(site: string): MailMessage {
  return compose({
    subject: "Someone tried to sign up with your address",
    paragraphs: [
      "Someone tried to sign up for the festival with this e-mail address, which already has an account.",
      "If it was you, sign in, or reset your password if you have forgotten it.",
    ],
    action: { label: "Sign in", url: siteLink(site, "/sign-in") },
    footer: "If it was not you, you can ignore this message: nothing was changed.",
  });
}

/** A passkey was added to or removed from the account: the owner hears of every change to how they sign in. */
export function passkeyChangedMessage(site: string, change: "added" | "removed", name: string): MailMessage {
  return compose({
    subject: change === "added" ? "A passkey was added to your account" : "A passkey was removed from your account",
    paragraphs: [
      change === "added"
        ? `The passkey “${name}” was just added to your festival account. It signs in without a password.`
        : `The passkey “${name}” was just removed from your festival account. It no longer signs in.`,
    ],
    action: { label: "If this was not you, review your passkeys and sessions", url: siteLink(site, "/account/security") },
    footer: "If it was you, there is nothing more to do.",
  });
}

export function signInLinkMessage(site: string, token: string, ttlSeconds: number): MailMessage {
  return compose({
    subject: "Your sign-in link",
    paragraphs: [
      "Someone (hopefully you) asked for a link to sign in to the festival account for this address.",
      `The link below works once, for ${minutes(ttlSeconds)}.`,
    ],
    action: { label: "Sign in", url: siteLink(site, `/sign-in-link/open?token=${encodeURIComponent(token)}`) },
  });
}

// Changes to the ways of signing in (lib/auth/second-factor.ts): each tells the owner, so that an
// intruder who changes them is noticed.
const NOT_YOU = "If this was not you, reset your password";

export function secondFactorChangedMessage(site: string, change: "enabled" | "disabled" | "regenerated"): MailMessage {
  const what = {
    enabled: ["Two-step sign-in is on", "An authenticator app was added to your festival account: signing in now also asks for its code."],
    disabled: ["Two-step sign-in is off", "The authenticator app and the recovery codes of your festival account were removed: signing in asks for the password only."],
    regenerated: ["New recovery codes", "New recovery codes were made for your festival account; the earlier ones no longer work."],
  }[change];
  return compose({
    subject: what[0]!,
    paragraphs: [what[1]!],
    action: { label: NOT_YOU, url: siteLink(site, "/forgot-password") },
    footer: "If it was you, there is nothing more to do.",
  });
}

export function recoveryCodeUsedMessage(site: string, remaining: number): MailMessage {
  return compose({
    subject: "A recovery code was used",
    paragraphs: [
      "Someone signed in to your festival account with one of its recovery codes.",
      `${remaining} ${remaining === 1 ? "recovery code remains" : "recovery codes remain"}. You can make new ones on your account's two-step sign-in page.`,
    ],
    action: { label: NOT_YOU, url: siteLink(site, "/forgot-password") },
    footer: "If it was you, there is nothing more to do.",
  });
}
