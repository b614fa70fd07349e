import "server-only";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { requestIp } from "@/lib/auth/request-ip";
import { attemptByIp } from "@/lib/auth/throttles";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { forgotPasswordSchema as emailOnlySchema } from "@/lib/validation/account";
import { EMAIL_MAX_LENGTH } from "@/lib/validation/limits";
import { anyone, formAction, type FormResult } from "./form-action";

/**
 * "E-mail me a link" (a password reset, a sign-in link): throttled per IP, then the same answer, after
 * the same work, for every address: the mail is sent after the answer, so known and unknown addresses
 * take the same time to answer.
 */
export function mailLinkForm(
  formData: FormData,
  kind: "forgot-password" | "sign-in-link",
  send: (email: string, ip: string | null) => Promise<unknown>,
  sentPath: string,
): Promise<FormResult<Partial<Record<"email", string>>>> {
  return formAction(formData, {
    guard: anyone,
    schema: emailOnlySchema,
    echo: { email: EMAIL_MAX_LENGTH },
    where: kind,
    run: async (_, data) => {
      const ip = await requestIp();
      const throttle = await attemptByIp(prisma, kind, ip);
      if (throttle.limited) return { errors: { form: tooManyAttemptsMessage(throttle.retryAfterSeconds) } };
      after(() => send(data.email, ip));
      redirect(sentPath);
    },
  });
}
