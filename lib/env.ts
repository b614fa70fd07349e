import { z } from "zod";
import { isTimeZone } from "./format/time";
import { ALL_PERMISSIONS, type Permission } from "./auth/permissions";

// One place for every setting: parsed once, with development defaults, failing with a message that
// names the variable. Documented in .env.example.
const boolean = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

/**
 * Sessions (lib/auth/sessions.ts): signed out after this many days without a request (sliding), and
 * after this many days whatever the use. Fractions are allowed (tests use short ones).
 */
const SESSION_SETTINGS = {
  SESSION_IDLE_DAYS: z.coerce.number().positive().max(3650).default(14),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(3650).default(90),
};

/**
 * The session settings alone, for module-level configuration (auth.config.ts) that `next build` also
 * evaluates, where the rest of the environment (AUTH_SECRET) is not required to be there.
 */
export function sessionSettings(source: Record<string, string | undefined> = process.env) {
  return z.object(SESSION_SETTINGS).parse({ SESSION_IDLE_DAYS: source.SESSION_IDLE_DAYS || undefined, SESSION_MAX_DAYS: source.SESSION_MAX_DAYS || undefined });
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, "must start with file:, libsql:, http(s): or ws(s):")
      .default("file:./data/mfo.db"),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
    ADMIN_EMAIL: z.string().email("must be an e-mail address").optional(),
    ADMIN_PASSWORD: z.string().optional(),
    PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(15),
    // Throttling, per 15 minutes (lib/auth/throttles.ts).
    SIGN_IN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(10),
    SIGN_IN_IP_LIMIT: z.coerce.number().int().min(1).default(50),
    SIGN_UP_IP_LIMIT: z.coerce.number().int().min(1).default(20),
    EMAIL_IP_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Password-reset mails per account (a victim's inbox is not a target). */
    RESET_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(3),
    /** E-mail sign-in link mails per account (lib/auth/sign-in-link.ts), for the same reason. */
    SIGN_IN_LINK_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(3),
    /**
     * Proxies in front of the app that append to X-Forwarded-For (Vercel, nginx's
     * proxy_add_x_forwarded_for): the client address is that many entries from the right, the
     * entries to its left are whatever the client sent.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    ...SESSION_SETTINGS,
    /**
     * Sensitive changes (password, e-mail, second factor, roles and permissions) need a sign-in or a
     * re-entered password within this many minutes (lib/auth/freshness.ts).
     */
    FRESHNESS_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
    /**
     * Holders of any of these permissions must have a second factor (lib/auth/guards.ts): a comma-separated
     * list of permission names, or "none".
     */
    TWO_FACTOR_REQUIRED_PERMISSIONS: z
      .string()
      .default("users.manage,roles.manage")
      .transform((value, ctx): Permission[] => {
        if (value.trim() === "none") return [];
        const names = value.split(",").map((n) => n.trim()).filter(Boolean);
        const unknown = names.filter((n) => !(ALL_PERMISSIONS as string[]).includes(n));
        if (unknown.length > 0) {
          ctx.addIssue({ code: "custom", message: `unknown permission ${unknown.join(", ")} (known: ${ALL_PERMISSIONS.join(", ")}, or none)` });
          return z.NEVER;
        }
        return names as Permission[];
      }),
    /** The site's public address; every link in a mail is built from it (never from a request's Host). */
    AUTH_URL: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      // It is also the WebAuthn origin (lib/auth/passkeys/relying-party.ts), which has no path: a
      // path here would make every passkey ceremony fail, so it is refused at start-up instead.
      .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), "must be the site's address alone, e.g. https://festival.example.org (no path, query or fragment)")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Outgoing mail, e.g. smtp://user:pass@host:587 (smtps:// for TLS from the start). */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
    MAIL_FROM: z.string().max(320).default("Music Festival Organizer <no-reply@festival.invalid>"),
    /** How long a password-reset link works, in seconds. */
    PASSWORD_RESET_TTL: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
    /** Like Flask-Security-Too's SECURITY_CONFIRMABLE: new users confirm their e-mail before using /account. */
    REQUIRE_EMAIL_CONFIRMATION: boolean,
    /**
     * The festival's IANA time zone: every date and time is shown in it (lib/format/time.ts), whatever
     * the server's or the visitor's zone.
     */
    FESTIVAL_TIME_ZONE: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone name, e.g. America/Toronto or Europe/Berlin")
      .default("America/Toronto"),
    /** Enables /test-only routes used by the e2e suite (never set in production). */
    MFO_TEST_ROUTES: boolean,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together" });
    }
  });

export type Env = z.infer<typeof schema>;

/**
 * The base of every absolute link the app sends out (mails): AUTH_URL, or in development
 * http://localhost:PORT. Null in production without AUTH_URL, so callers refuse to build links.
 */
export function siteUrl(e: Env = env()): string | null {
  if (e.AUTH_URL) return e.AUTH_URL.replace(/\/+$/, "");
  return e.NODE_ENV === "production" ? null : `http://localhost:${e.PORT ?? 3000}`;
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings (as in a copied .env.example) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
