"use server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { requestIp } from "@/lib/auth/request-ip";
import { setFestivalRoles } from "@/lib/roles/self-service";
import { RuleError } from "@/lib/auth/operator";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/components/forms/form-state";

/** The signed-in user's own festival roles; the service refuses any role that is not one of them. */
export async function saveFestivalRolesAction(_prev: FormState<"roles">, formData: FormData): Promise<FormState<"roles">> {
  const user = await requireUser("/account");
  const wanted = formData.getAll("role").filter((v): v is string => typeof v === "string");
  try {
    await setFestivalRoles(prisma, user, wanted, await requestIp());
  } catch (error) {
    if (error instanceof RuleError) return { values: {}, errors: { form: error.message } };
    throw error;
  }
  // The page reloads its data when it sees the message (festival-roles-fields.tsx) and shows the flash.
  await setFlash("Your festival roles have been saved.");
  return { values: {}, errors: {}, message: "Your festival roles have been saved." };
}
