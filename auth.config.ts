import type { NextAuthConfig } from "next-auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

// The edge-safe half of Auth.js, shared by middleware.ts and auth.ts: no Prisma, no bcrypt.
// The credentials provider is added in auth.ts, because checking a password needs both.
export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Credentials sign-in requires JWT sessions; revocation is the sessionVersion claim checked on the server.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.email = user.email;
        token.roles = user.roles ?? [];
        token.perms = user.permissions ?? [];
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? "",
        email: token.email ?? "",
        roles: token.roles ?? [],
        permissions: token.perms ?? [],
        sessionVersion: token.sv ?? 0,
      };
      return session;
    },
    // Only ever send people to a path on this site.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeRedirectPath(path, "/")}`;
    },
  },
} satisfies NextAuthConfig;
