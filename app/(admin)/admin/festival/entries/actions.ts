"use server";
import { prisma } from "@/lib/db";
import { festivalOperator } from "@/lib/festival/admin-action";
import { redirectWithFlash } from "@/lib/flash";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { markPayment } from "@/lib/festival/admin-entries";
import { parseMoney } from "@/lib/validation/entries";
import { SHORT_FIELD_MAX_LENGTH } from "@/lib/validation/limits";
import type { FormState } from "@/components/forms/form-state";

type State = FormState<string>;

/** festival.manage first (a refusal is a 403), then the service writes the payment and its audit event. */
export async function markPaymentAction(_prev: State, formData: FormData): Promise<State> {
  return formAction(formData, {
    guard: () => festivalOperator("/admin/festival/entries"),
    schema: plainFields(["entryId", "paid", "back"]),
    echo: { paid: SHORT_FIELD_MAX_LENGTH },
    where: "mark-payment",
    run: async (op, { entryId, paid, back }) => {
      const cents = parseMoney(paid);
      if (cents === null) return { errors: { form: "Enter the amount paid, like 25.00." } };
      await markPayment(prisma, op, entryId, cents);
      await redirectWithFlash("The payment has been recorded.", back.startsWith("/admin/festival/entries") ? back : "/admin/festival/entries");
    },
  });
}
