"use server";
import { prisma } from "@/lib/db";
import { festivalActor } from "@/lib/festival/admin-action";
import { redirectWithFlash } from "@/lib/flash";
import { currentReturnTo } from "@/lib/auth/return-to";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { markPayment } from "@/lib/festival/admin-entries";
import { parseMoney } from "@/lib/validation/entries";
import { SHORT_FIELD_MAX_LENGTH } from "@/lib/validation/limits";
import type { FormState } from "@/components/forms/form-state";

type State = FormState<string>;
const ENTRIES_PATH = "/admin/festival/entries";

/** festival.manage first (a refusal is a 403), then the service writes the payment and its audit event. */
export async function markPaymentAction(_prev: State, formData: FormData): Promise<State> {
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: plainFields(["entryId", "paid"]),
    echo: { paid: SHORT_FIELD_MAX_LENGTH },
    where: "mark-payment",
    run: async (actor, { entryId, paid }) => {
      const cents = parseMoney(paid);
      if (cents === null) return { errors: { form: "Enter the amount paid, like 25.00." } };
      await markPayment(prisma, actor, entryId, cents);
      // Back to the list as it was (its filters and page): the page the form was posted from.
      const returnTo = await currentReturnTo(ENTRIES_PATH);
      await redirectWithFlash("The payment has been recorded.", returnTo.startsWith(ENTRIES_PATH) ? returnTo : ENTRIES_PATH);
    },
  });
}
