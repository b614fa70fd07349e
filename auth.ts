import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { authConfig } from "./auth.config";
import { prisma } from "@/lib/db";
import { signInSchema } from "@/lib/validation/user";
import { authenticate, SignInThrottledError } from "@/lib/users/service";
import { clientIp } from "@/lib/auth/client-ip";
import { loadUserAccessOncePerRequest } from "@/lib/users/access-cache";
import { recordAudit } from "@/lib/audit/service";
import { can } from "@/lib/auth/permissions";
import { clearSessionHint, setSessionHint } from "@/lib/session-hint-cookie";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db-unavailable";

/** How often a session's claims are compared with the database where no guard does it anyway. */
const RECHECK_MS = 60_000;

/** Surfaces through signIn() as a CredentialsSignin whose code the sign-in form turns into its message. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** The database could not be reached: the sign-in form says "try again in a minute", not "wrong password". */
export class UnavailableSignin extends CredentialsSignin {
  code = "unavailable";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: PrismaAdapter(prisma),
  callbacks: {
    ...authConfig.callbacks,
    // Node side only (the middleware uses the edge config): a token whose user is gone or inactive,
    // or whose session version is not the database's, ends here (null clears the cookie where the
    // response can carry it); otherwise roles and permissions are refreshed from the database.
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      const now = Date.now();
      if (params.user) return { ...token, chk: now };
      if (params.trigger !== "update" && typeof token.chk === "number" && now - token.chk < RECHECK_MS) return token;
      const user = token.sub ? await loadUserAccessOncePerRequest(token.sub) : null;
      if (!user || !user.active || user.sessionVersion !== token.sv) return null;
      return { ...token, email: user.email, roles: user.roles, perms: user.permissions, chk: now };
    },
  },
  events: {
    async signIn({ user }) {
      await setSessionHint({ email: user.email ?? "", admin: can({ roles: user.roles ?? [], permissions: user.permissions ?? [] }, "admin.access") });
    },
    async signOut(message) {
      await clearSessionHint();
      const token = "token" in message ? message.token : null;
      if (!token?.sub) return;
      try {
        await recordAudit(prisma, { action: "user.signed_out", actor: { id: token.sub, email: token.email ?? "" }, subject: { id: token.sub, label: token.email } });
      } catch (error) {
        // Signing out only clears cookies: it must work while the database is out of reach.
        if (!isDatabaseUnavailable(error)) throw error;
        logDatabaseUnavailable("sign-out audit", error);
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
        let user;
        try {
          user = await authenticate(prisma, parsed.data.email, parsed.data.password, clientIp(request.headers));
        } catch (error) {
          if (error instanceof SignInThrottledError) throw new ThrottledSignin();
          if (isDatabaseUnavailable(error)) {
            logDatabaseUnavailable("sign-in", error);
            throw new UnavailableSignin();
          }
          throw error;
        }
        if (!user) throw new CredentialsSignin();
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          roles: user.roles,
          permissions: user.permissions,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
});
