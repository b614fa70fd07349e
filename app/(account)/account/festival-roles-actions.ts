"use server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { requestIp } from "@/lib/auth/request-ip";
import { setFestivalRoles } from "@/lib/roles/self-service";
import { z } from "zod";
import { formAction } from "@/lib/forms/form-action";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/components/forms/form-state";

/** The signed-in user's own festival roles; the service refuses any role that is not one of them. */
export async function saveFestivalRolesAction(_prev: FormState<"roles">, formData: FormData): Promise<FormState<"roles">> {
  return formAction(formData, {
    guard: () => requireUser(),
    schema: z.object({}), // the ticked roles are a list: read below
    echo: {},
    where: "festival-roles",
    run: async (user) => {
      const wanted = formData.getAll("role").filter((v): v is string => typeof v === "string");
      await setFestivalRoles(prisma, user, wanted, await requestIp());
      // The page reloads its data when it sees the message (festival-roles-fields.tsx) and shows the flash.
      await setFlash("Your festival roles have been saved.");
      return { message: "Your festival roles have been saved." };
    },
  });
}
