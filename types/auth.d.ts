import "next-auth";
import "@auth/core/jwt";

// Augmenting "next-auth/jwt" has no effect on v5 beta.32: it must be @auth/core/jwt.
declare module "@auth/core/jwt" {
  interface JWT {
    /** The random id of the session's row (lib/auth/sessions.ts); the token carries nothing else that matters. */
    sid?: string;
  }
}

declare module "next-auth" {
  interface User {
    /** Read at sign-in for the header's display-only hint; never copied into the token. */
    permissions?: string[];
  }
}
