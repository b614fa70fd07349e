import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { authConfig } from "./auth.config";
import { prisma } from "@/lib/db";
import { signInSchema } from "@/lib/validation/user";
import { checkCredentials, completeSignIn, SignInThrottledError } from "@/lib/users/service";
import { SecondFactorThrottledError, verifySecondFactor } from "@/lib/auth/second-factor";
import { currentPendingSignIn, finishPendingSignIn } from "@/lib/auth/pending-sign-in";
import { parseTypedCode } from "@/lib/auth/second-factor-rules";
import { clientIp } from "@/lib/auth/client-ip";
import { headers } from "next/headers";
import { endSessionById, resolveSession, startSession } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/service";
import { can } from "@/lib/auth/permissions";
import { clearSessionHint, setSessionHint } from "@/lib/session-hint/cookie";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { authenticationResponseSchema, parseJsonField } from "@/lib/validation/passkey";
import { signInWithPasskey } from "@/lib/auth/passkeys/sign-in";
import { redeemSignInLink } from "@/lib/auth/sign-in-link";
import { finishFirstFactor } from "@/lib/auth/first-factor";
import { PendingSignInMissing, ThrottledSignin, UnavailableSignin } from "@/lib/auth/sign-in-errors";

/** Shapes the Auth.js user for the jwt callback; permissions only feed the header's display hint. */
function signedInUser(user: { id: string; email: string; name: string | null; permissions: string[] }) {
  return { id: user.id, email: user.email, name: user.name, permissions: user.permissions };
}

/** Maps the database being out of reach to the form's "try again in a minute". */
function unavailableOr(error: unknown, what: string): never {
  if (isDatabaseUnavailable(error)) {
    logDatabaseUnavailable(what, error);
    throw new UnavailableSignin();
  }
  throw error;
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: PrismaAdapter(prisma),
  callbacks: {
    ...authConfig.callbacks,
    // Every sign-in, whatever the method, passes here with `user`: its session row is made now, and the
    // token carries the row's id and nothing that grants access. On reads (GET /api/auth/session) a
    // token whose row is gone, expired or whose user is inactive ends here (null clears the cookie).
    async jwt({ token, user }) {
      if (user?.id) {
        const request = await headers();
        const sid = await startSession(prisma, user.id, { ip: clientIp(request), userAgent: request.get("user-agent") });
        return { sid };
      }
      try {
        return token.sid && (await resolveSession(prisma, token.sid)) ? token : null;
      } catch (error) {
        // An outage is not a sign-out: the guards send pages to the 503 page meanwhile.
        if (!isDatabaseUnavailable(error)) throw error;
        logDatabaseUnavailable("session read", error);
        return token;
      }
    },
  },
  events: {
    async signIn({ user }) {
      await setSessionHint({ email: user.email ?? "", admin: can({ permissions: user.permissions ?? [] }, "admin.access") });
    },
    // Sign-out ends the session's row, so a copy of the cookie is dead too (Auth.js then clears it).
    async signOut(message) {
      await clearSessionHint();
      const token = "token" in message ? message.token : null;
      if (!token?.sid) return;
      try {
        const user = await endSessionById(prisma, token.sid);
        if (user) await recordAudit(prisma, { action: "user.signed_out", actor: user, subject: { id: user.id, label: user.email } });
      } catch (error) {
        // The cookie is still cleared; the row then lives until it expires. Logged, never a 500.
        if (!isDatabaseUnavailable(error)) throw error;
        logDatabaseUnavailable("sign-out", error);
      }
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace in the log.
    // A forged or stale form (MissingCSRF) is the client's fault: one line, no stack.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      if (type === "MissingCSRF") return console.warn(`[auth] refused a request: ${type}`);
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        // One answer for every failure: malformed, unknown, wrong, inactive.
        if (!parsed.success) throw new CredentialsSignin();
        const ip = clientIp(request.headers);
        try {
          const userId = await checkCredentials(prisma, parsed.data.email, parsed.data.password, ip);
          // With a second factor: no session, a pending state finished on /sign-in/verify (it throws).
          const user = userId ? await finishFirstFactor(prisma, userId, ip, "password") : null;
          if (!user) throw new CredentialsSignin();
          // The jwt callback starts the session.
          return signedInUser(user);
        } catch (error) {
          if (error instanceof SignInThrottledError) throw new ThrottledSignin();
          if (error instanceof CredentialsSignin) throw error;
          unavailableOr(error, "sign-in");
        }
      },
    }),
    // The second step of a sign-in with a second factor: the pending cookie names the user (never the
    // form), the code is checked against that user, and the pending state ends with its first success.
    Credentials({
      id: "totp",
      credentials: { code: { label: "Code", type: "text" } },
      async authorize(credentials, request) {
        const ip = clientIp(request.headers);
        try {
          const pending = await currentPendingSignIn(prisma);
          if (!pending) throw new PendingSignInMissing();
          const typed = parseTypedCode(credentials.code);
          if (!typed) throw new CredentialsSignin();
          const result = await verifySecondFactor(prisma, pending.user, typed, ip);
          if (!result) throw new CredentialsSignin();
          // Single use: of two parallel successes (a replayed cookie), only one ends the pending state.
          if (!(await finishPendingSignIn(prisma, pending.id))) throw new PendingSignInMissing();
          const user = await completeSignIn(prisma, pending.user.id, ip, "password");
          if (!user) throw new PendingSignInMissing();
          return signedInUser(user);
        } catch (error) {
          if (error instanceof SecondFactorThrottledError) throw new ThrottledSignin();
          if (error instanceof CredentialsSignin) throw error;
          unavailableOr(error, "second factor");
        }
      },
    }),
    // A passkey assertion (discoverable credential, user verification required: both factors), checked
    // against this browser's stored challenge; the credential's owner signs in.
    Credentials({
      id: "passkey",
      credentials: { response: {} },
      async authorize(credentials, request) {
        const response = parseJsonField(authenticationResponseSchema, credentials.response);
        if (!response) throw new CredentialsSignin();
        const user = await signInOrUnavailable("passkey sign-in", () => signInWithPasskey(prisma, response, clientIp(request.headers)));
        if (!user) throw new CredentialsSignin();
        return signedInUser(user);
      },
    }),
    // A mailed sign-in link (single use, 15 minutes): the first factor only (lib/auth/first-factor.ts).
    Credentials({
      id: "email-link",
      credentials: { token: {} },
      async authorize(credentials, request) {
        const ip = clientIp(request.headers);
        const user = await signInOrUnavailable("link sign-in", async () => {
          const userId = await redeemSignInLink(prisma, credentials.token);
          // The link is the first factor only: with a second factor, /sign-in/verify follows (it throws).
          return userId ? finishFirstFactor(prisma, userId, ip, "email_link") : null;
        });
        if (!user) throw new CredentialsSignin();
        return signedInUser(user);
      },
    }),
  ],
});

/** A sign-in step whose database is out of reach says "try again in a minute", not "refused". */
async function signInOrUnavailable<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logDatabaseUnavailable(what, error);
    throw new UnavailableSignin();
  }
}
