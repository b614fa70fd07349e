import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { authConfig } from "./auth.config";
import { prisma } from "@/lib/db";
import { signInSchema } from "@/lib/validation/user";
import { authenticate } from "@/lib/users/service";
import { clientIp } from "@/lib/auth/client-ip";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: PrismaAdapter(prisma),
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace in the log.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
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
        const user = await authenticate(prisma, parsed.data.email, parsed.data.password, clientIp(request.headers));
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
