import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { prisma } from "@/lib/db";
import { clientIp } from "@/lib/auth/client-ip";
import { signInState } from "@/lib/auth/throttles";
import { emailSchema } from "@/lib/validation/user";

export const { GET } = handlers;

// Auth.js answers a refused credentials POST with a redirect; a throttled one gets a real 429 with
// Retry-After here, so scripts and API clients see the limit. The forms show the same limit as a message.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = emailSchema.safeParse(form?.get("email"));
    if (email.success) {
      const state = await signInState(prisma, email.data, clientIp(request.headers));
      if (state.limited) {
        return new Response("Too many attempts. Try again later.", {
          status: 429,
          headers: { "Retry-After": String(state.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
        });
      }
    }
  }
  return handlers.POST(request);
}
