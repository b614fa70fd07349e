import { describe, expect, it } from "vitest";
import {
  emailChangeConfirmMessage,
  emailChangeNoticeMessage,
  escapeHtml,
  FESTIVAL_NAME,
  passwordChangedMessage,
  passwordResetMessage,
  passkeyChangedMessage,
  signInLinkMessage,
  signUpConfirmMessage,
  siteLink,
} from "@/lib/mail/messages";
import { hashToken, isLive, looksLikeToken, newRawToken } from "@/lib/tokens/token";
import { parseEnv, siteUrl } from "@/lib/env";

const SITE = "https://festival.example.org";
const TOKEN = newRawToken();
const EVIL = '<script>alert("x")</script>@evil.example';

const messages = {
  reset: passwordResetMessage(SITE, TOKEN, 3600),
  changed: passwordChangedMessage(SITE),
  emailConfirm: emailChangeConfirmMessage(SITE, TOKEN, EVIL),
  emailNotice: emailChangeNoticeMessage(SITE, EVIL),
  signUp: signUpConfirmMessage(SITE, TOKEN),
  signInLink: signInLinkMessage(SITE, TOKEN, 900),
  passkeyAdded: passkeyChangedMessage(SITE, "added", EVIL),
  passkeyRemoved: passkeyChangedMessage(SITE, "removed", EVIL),
};

describe("mail messages", () => {
  for (const [name, m] of Object.entries(messages)) {
    it(`${name}: text and HTML parts, names the festival, links only to the configured site`, () => {
      expect(m.subject).toContain(FESTIVAL_NAME);
      expect(m.text).toContain(FESTIVAL_NAME);
      expect(m.html).toContain(FESTIVAL_NAME);
      const textLinks = m.text.match(/https?:\/\/\S+/g) ?? [];
      const htmlLinks = [...m.html.matchAll(/href="([^"]+)"/g)].map((x) => x[1]);
      expect(textLinks.length).toBeGreaterThan(0);
      for (const link of [...textLinks, ...htmlLinks]) expect(link.startsWith(`${SITE}/`)).toBe(true);
      expect(m.html).not.toContain("<script>");
    });
  }

  it("escapes what a user typed in the HTML part", () => {
    expect(messages.emailNotice.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("puts the token in the link and says how long it lasts", () => {
    expect(messages.reset.text).toContain(`${SITE}/reset-password?token=${TOKEN}`);
    expect(messages.reset.text).toContain("1 hour");
    expect(passwordResetMessage(SITE, TOKEN, 1800).text).toContain("30 minutes");
  });

  it("siteLink refuses anything but a path", () => {
    expect(siteLink(`${SITE}/`, "/x")).toBe(`${SITE}/x`);
    expect(() => siteLink(SITE, "//evil.example/x")).toThrow();
    expect(() => siteLink(SITE, "https://evil.example/")).toThrow();
  });
});

describe("tokens", () => {
  it("are 32 random bytes in base64url, stored as a SHA-256 that is not the token", () => {
    const a = newRawToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRawToken()).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toBe(a);
    expect(looksLikeToken(a)).toBe(true);
    for (const bad of ["", "x", `${a}x`, a.slice(0, 42) + "!", 42, null]) expect(looksLikeToken(bad)).toBe(false);
  });

  it("are live until used or expired", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(isLive({ expiresAt: new Date("2026-01-01T13:00:00Z"), usedAt: null }, now)).toBe(true);
    expect(isLive({ expiresAt: new Date("2026-01-01T12:00:00Z"), usedAt: null }, now)).toBe(false);
    expect(isLive({ expiresAt: new Date("2026-01-01T13:00:00Z"), usedAt: now }, now)).toBe(false);
  });
});

describe("mail settings", () => {
  it("defaults: a one-hour reset link, confirmation off", () => {
    const e = parseEnv({});
    expect(e.PASSWORD_RESET_TTL).toBe(3600);
    expect(e.REQUIRE_EMAIL_CONFIRMATION).toBe(false);
    expect(parseEnv({ REQUIRE_EMAIL_CONFIRMATION: "true", PASSWORD_RESET_TTL: "600" })).toMatchObject({
      REQUIRE_EMAIL_CONFIRMATION: true,
      PASSWORD_RESET_TTL: 600,
    });
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
  });

  it("links come from AUTH_URL; localhost only in development", () => {
    expect(siteUrl(parseEnv({ AUTH_URL: "https://f.example.org/" }))).toBe("https://f.example.org");
    expect(siteUrl(parseEnv({ PORT: "4000" }))).toBe("http://localhost:4000");
    expect(siteUrl(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }))).toBeNull();
  });
});
