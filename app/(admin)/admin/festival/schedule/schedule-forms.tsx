"use client";
import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/festival/fields";
import { SITTING_NAME_MAX_LENGTH, VENUE_NAME_MAX_LENGTH, type SittingFields } from "@/lib/validation/schedule";

// The schedule page's forms with fields (server actions in ./actions.ts): a refusal shows next to its
// field, with what was typed kept. Plain forms: they work without JavaScript too.

type Action<K extends string> = (prev: FormState<K>, formData: FormData) => Promise<FormState<K>>;
type Option = { value: string; label: string };

export function VenueForm({ action, seasonId }: { action: Action<string>; seasonId: string }) {
  const [state, formAction] = useActionState(action, emptyFormState<string>());
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="seasonId" value={seasonId} />
      <TextField key={JSON.stringify(state.values)} name="name" label="New venue" required maxLength={VENUE_NAME_MAX_LENGTH} defaultValue={state.values.name} error={state.errors.name} />
      <SubmitButton pendingLabel="Adding…">Add venue</SubmitButton>
    </form>
  );
}

export function SittingForm({
  action,
  seasonId,
  sittingId,
  initial,
  venues,
  adjudicators,
  timeZone,
  submitLabel,
}: {
  action: Action<SittingFields>;
  seasonId: string;
  sittingId?: string;
  initial: Partial<Record<SittingFields, string>>;
  venues: Option[];
  adjudicators: Option[];
  timeZone: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, emptyFormState<SittingFields>());
  const v = { ...initial, ...state.values };
  const e = state.errors;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert message={e.form} />
      <input type="hidden" name="seasonId" value={seasonId} />
      {sittingId && <input type="hidden" name="sittingId" value={sittingId} />}
      <div key={JSON.stringify(state.values)} className="stack">
        <SelectField name="venueId" label="Venue" options={venues} empty="Choose a venue" defaultValue={v.venueId ?? ""} error={e.venueId} required />
        <TextField name="date" label="Date" type="date" required defaultValue={v.date} error={e.date} />
        <TextField name="startTime" label="Starts at" type="time" required defaultValue={v.startTime} error={e.startTime} hint={`Time in ${timeZone}`} />
        <TextField name="endTime" label="Ends at" type="time" required defaultValue={v.endTime} error={e.endTime} />
        <SelectField
          name="adjudicatorId"
          label="Adjudicator"
          options={adjudicators}
          empty="Not chosen yet"
          defaultValue={v.adjudicatorId ?? ""}
          error={e.adjudicatorId}
          hint="Users with the adjudicator role"
        />
        <TextField name="name" label="Title (optional)" maxLength={SITTING_NAME_MAX_LENGTH} defaultValue={v.name} error={e.name} hint="Like “Morning” or “Piano finals”" />
      </div>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}

/** Choose a class and a session (or none): the keyboard way to place, move or unplace a class. */
export function PlaceForm({ action, seasonId, classes, sittings, selectedClass }: { action: Action<string>; seasonId: string; classes: Option[]; sittings: Option[]; selectedClass?: string }) {
  const [state, formAction] = useActionState(action, emptyFormState<string>());
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="seasonId" value={seasonId} />
      <div key={JSON.stringify(state.values)} className="inline-form">
        <SelectField name="classId" label="Class" options={classes} empty="Choose a class" defaultValue={state.values.classId ?? selectedClass ?? ""} error={state.errors.classId} />
        <SelectField name="sittingId" label="Session" options={sittings} empty="Not on the schedule" defaultValue={state.values.sittingId ?? ""} error={state.errors.sittingId} />
      </div>
      <SubmitButton pendingLabel="Placing…">Place class</SubmitButton>
    </form>
  );
}
