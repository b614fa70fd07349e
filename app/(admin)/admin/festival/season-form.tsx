"use client";
import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { SEASON_NAME_MAX_LENGTH } from "@/lib/validation/festival-limits";
import type { SeasonFields } from "@/lib/validation/festival";

type Action = (prev: FormState<SeasonFields>, formData: FormData) => Promise<FormState<SeasonFields>>;

/** A season's name, entry window (festival time) and days: creating one and editing one. */
export function SeasonForm({
  action,
  seasonId,
  initial,
  isCurrent,
  timeZone,
  submitLabel,
}: {
  action: Action;
  seasonId?: string;
  initial: Partial<Record<SeasonFields, string>>;
  isCurrent?: boolean;
  timeZone: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, emptyFormState<SeasonFields>());
  // After a refusal the fields show what was sent (React resets a form after its action): remount them.
  const v = { ...initial, ...state.values };
  const e = state.errors;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert message={e.form} />
      {seasonId && <input type="hidden" name="seasonId" value={seasonId} />}
      <div key={JSON.stringify(state.values)} className="stack">
        <TextField name="name" label="Name" required maxLength={SEASON_NAME_MAX_LENGTH} defaultValue={v.name} error={e.name} hint="Usually the year, like 2027" />
        <TextField name="entriesOpenAt" label="Entries open" type="datetime-local" required defaultValue={v.entriesOpenAt} error={e.entriesOpenAt} hint={`Time in ${timeZone}`} />
        <TextField name="entriesCloseAt" label="Entries close" type="datetime-local" required defaultValue={v.entriesCloseAt} error={e.entriesCloseAt} hint={`Time in ${timeZone}`} />
        <TextField name="startsOn" label="First festival day" type="date" required defaultValue={v.startsOn} error={e.startsOn} />
        <TextField name="endsOn" label="Last festival day" type="date" required defaultValue={v.endsOn} error={e.endsOn} />
        <TextField name="ageCutoffOn" label="Age cut-off date" type="date" required defaultValue={v.ageCutoffOn} error={e.ageCutoffOn} hint="Age limits are taken on this date" />
        {!isCurrent && (
          <div className="checkbox">
            <input type="checkbox" id="field-makeCurrent" name="makeCurrent" defaultChecked={v.makeCurrent === "on"} />
            <label htmlFor="field-makeCurrent">Make this the current season (the one entrants enter and the syllabus shows)</label>
          </div>
        )}
      </div>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
