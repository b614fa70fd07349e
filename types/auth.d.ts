import "next-auth";
import "@auth/core/jwt";

// Claims our JWT carries. Augmenting "next-auth/jwt" has no effect on v5 beta.32: it must be @auth/core/jwt.
declare module "@auth/core/jwt" {
  interface JWT {
    roles?: string[];
    perms?: string[];
    /** The user's sessionVersion when this token was issued; see lib/auth/guards.ts. */
    sv?: number;
    /** When the Node-side jwt callback last compared the claims with the database (ms since epoch). */
    chk?: number;
  }
}

declare module "next-auth" {
  interface User {
    roles?: string[];
    permissions?: string[];
    sessionVersion?: number;
  }
  interface Session {
    user: {
      id: string;
      email: string;
      roles: string[];
      permissions: string[];
      sessionVersion: number;
    };
  }
}
