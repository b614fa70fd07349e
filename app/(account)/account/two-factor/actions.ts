"use server";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { setFlash } from "@/lib/flash";
import { requireUser, TWO_FACTOR_PATH } from "@/lib/auth/guards";
import { requireFreshAuth } from "@/lib/auth/freshness";
import { requestIp } from "@/lib/auth/request-ip";
import { confirmEnrolment, disableSecondFactor, regenerateRecoveryCodes, startEnrolment } from "@/lib/auth/second-factor";
import { formAction } from "@/lib/forms/form-action";
import { appCodeSchema } from "@/lib/validation/second-factor";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks the session (enrolment stays open to those who must enrol) and a fresh
// authentication, then calls lib/auth/second-factor.ts, which audits and mails the owner.

export type CodesState = FormState<"code"> & { codes?: string[] };

async function freshUser() {
  const user = await requireUser({ allowWithoutSecondFactor: true });
  await requireFreshAuth(user);
  return user;
}

export async function startEnrolmentAction(): Promise<void> {
  const user = await freshUser();
  await startEnrolment(prisma, user.id);
  redirect(TWO_FACTOR_PATH);
}

/** Confirms with a code from the app; the recovery codes come back once, in this answer only. */
export async function confirmEnrolmentAction(_prev: CodesState, formData: FormData): Promise<CodesState> {
  return formAction(formData, {
    guard: freshUser,
    schema: appCodeSchema,
    echo: {}, // a code is never sent back
    where: "two-factor-enrol",
    run: async (user, data) => {
      const codes = await confirmEnrolment(prisma, user, data.code, await requestIp());
      if (!codes) return { errors: { code: "That code is not right. Check the time on your phone, and try the newest code" } };
      return { codes, message: "Two-step sign-in is on." };
    },
  });
}

export async function regenerateRecoveryCodesAction(): Promise<CodesState> {
  const user = await freshUser();
  const codes = await regenerateRecoveryCodes(prisma, user, await requestIp());
  if (!codes) return { values: {}, errors: { form: "Two-step sign-in is not on." } };
  return { values: {}, errors: {}, codes, message: "New recovery codes made; the earlier ones no longer work." };
}

export async function disableSecondFactorAction(): Promise<void> {
  const user = await freshUser();
  await disableSecondFactor(prisma, user, await requestIp());
  await setFlash("Two-step sign-in is off.");
  redirect(TWO_FACTOR_PATH);
}
