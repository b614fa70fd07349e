import type { NextAuthConfig } from "next-auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { sessionSettings } from "@/lib/env";

// The parts of the Auth.js configuration that need neither Prisma nor bcrypt: auth.ts adds the
// credentials provider and the callbacks that start and check session rows (lib/auth/sessions.ts).
// Kept apart so code outside the app can read the settings without loading those (the e2e set-up
// mints session cookies with this cookie lifetime). The middleware does not use Auth.js at all: it
// reads the cookie itself (lib/auth/session-token.ts).
export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Credentials sign-in requires JWT sessions. The token only carries a session row's id: the row
  // decides (revocation, idle and absolute expiry), so the cookie may simply live as long as the longest session.
  session: { strategy: "jwt", maxAge: Math.ceil(sessionSettings().SESSION_MAX_DAYS * 24 * 60 * 60) },
  providers: [],
  callbacks: {
    // Only ever send people to a path on this site.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeRedirectPath(path, "/")}`;
    },
  },
} satisfies NextAuthConfig;
