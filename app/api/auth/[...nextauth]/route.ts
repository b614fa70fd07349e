import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { prisma } from "@/lib/db";
import { clientIp } from "@/lib/auth/client-ip";
import { signInState } from "@/lib/auth/throttles";
import { emailSchema } from "@/lib/validation/user";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

export const { GET } = handlers;

// Auth.js answers a refused credentials POST with a redirect; a throttled one gets a real 429 with
// Retry-After here, so scripts and API clients see the limit. The forms show the same limit as a message.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = emailSchema.safeParse(form?.get("email"));
    if (email.success) {
      let state;
      try {
        state = await signInState(prisma, email.data, clientIp(request.headers));
      } catch (error) {
        // The form says the same in words (app/(auth)/actions.ts); a script gets 503 and when to retry.
        if (!isDatabaseUnavailable(error)) throw error;
        logDatabaseUnavailable("sign-in api", error);
        return plainText(SERVICE_UNAVAILABLE_MESSAGE, 503, RETRY_AFTER_SECONDS);
      }
      if (state.limited) return plainText("Too many attempts. Try again later.", 429, state.retryAfterSeconds);
    }
  }
  return handlers.POST(request);
}

function plainText(body: string, status: number, retryAfterSeconds: number): Response {
  return new Response(body, {
    status,
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}
