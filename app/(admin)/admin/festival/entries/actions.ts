"use server";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { userOperator } from "@/lib/auth/operator";
import { finishAdminChange } from "@/lib/admin/action-result";
import { markPayment } from "@/lib/festival/admin-entries";
import { parseMoney } from "@/lib/validation/entries";
import { formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";

type State = FormState<string>;

/** festival.manage first (a refusal is a 403), then the service writes the payment and its audit event. */
export async function markPaymentAction(_prev: State, formData: FormData): Promise<State> {
  const me = await requireAdmin("festival.manage", "/admin/festival/entries");
  const { entryId = "", paid = "", back = "" } = formFields(formData, ["entryId", "paid", "back"]);
  const cents = parseMoney(paid);
  if (cents === null) return { values: { paid }, errors: { form: "Enter the amount paid, like 25.00." } };
  const redirectTo = back.startsWith("/admin/festival/entries") ? back : "/admin/festival/entries";
  const operator = userOperator(me, await requestIp());
  return finishAdminChange(() => markPayment(prisma, operator, entryId, cents), {
    flash: "The payment has been recorded.",
    redirectTo,
  });
}
