"use server";
import { requireFreshAuth } from "@/lib/auth/freshness";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { setFlash } from "@/lib/flash";
import { requestIp } from "@/lib/auth/request-ip";
import { requireUser } from "@/lib/auth/guards";
import { removePasskey } from "@/lib/auth/passkeys/service";
import { formFields } from "@/lib/validation/user";

/** "Remove" next to one of your passkeys. Another user's passkey id: 404, nothing removed. */
export async function removePasskeyAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  await requireFreshAuth(user);
  const { passkeyId = "" } = formFields(formData, ["passkeyId"]);
  if (!(await removePasskey(prisma, user, passkeyId.slice(0, 64), await requestIp()))) notFound();
  await setFlash("The passkey has been removed. It no longer signs in.");
  redirect("/account/security");
}
