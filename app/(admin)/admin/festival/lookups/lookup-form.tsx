"use client";
import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { LOOKUP_NAME_MAX_LENGTH } from "@/lib/validation/festival-limits";
import type { LookupFields } from "@/lib/validation/festival";

type Action = (prev: FormState<LookupFields>, formData: FormData) => Promise<FormState<LookupFields>>;

/** One row of a lookup list (or a new one): name, order, and for performance types the performers. */
export function LookupForm({
  action,
  kind,
  row,
  withPerformers,
  submitLabel,
}: {
  action: Action;
  kind: string;
  row?: { id: string; name: string; sortOrder: number; minPerformers?: number; maxPerformers?: number | null };
  withPerformers: boolean;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, emptyFormState<LookupFields>());
  const initial = {
    name: row?.name ?? "",
    sortOrder: row ? String(row.sortOrder) : "",
    minPerformers: row?.minPerformers === undefined ? "1" : String(row.minPerformers),
    maxPerformers: row?.maxPerformers === undefined || row.maxPerformers === null ? "" : String(row.maxPerformers),
  };
  const v = { ...initial, ...state.values };
  const e = state.errors;
  // Several of these forms share a page: ids carry the kind and the row.
  const idPrefix = `${kind}-${row?.id ?? "new"}`;
  return (
    <form action={formAction} className="inline-form lookup-form" noValidate aria-label={row ? `${row.name}` : `New ${kind.replace("-", " ")}`}>
      <FormAlert message={e.form} />
      <input type="hidden" name="kind" value={kind} />
      {row && <input type="hidden" name="lookupId" value={row.id} />}
      <div key={JSON.stringify(state.values)} className="lookup-fields">
        <TextField idPrefix={idPrefix} name="name" label="Name" required maxLength={LOOKUP_NAME_MAX_LENGTH} defaultValue={v.name} error={e.name} />
        <TextField idPrefix={idPrefix} name="sortOrder" label="Order" inputMode="numeric" maxLength={5} defaultValue={v.sortOrder} error={e.sortOrder} />
        {withPerformers && (
          <>
            <TextField idPrefix={idPrefix} name="minPerformers" label="Fewest performers" inputMode="numeric" maxLength={3} defaultValue={v.minPerformers} error={e.minPerformers} />
            <TextField idPrefix={idPrefix} name="maxPerformers" label="Most performers" inputMode="numeric" maxLength={3} defaultValue={v.maxPerformers} error={e.maxPerformers} hint="Empty: no limit" />
          </>
        )}
      </div>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
