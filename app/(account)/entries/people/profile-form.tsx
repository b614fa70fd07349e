"use client";
import { useActionState } from "react";
import { saveProfileAction } from "../actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { RELATIONSHIPS, type ProfileField } from "@/lib/validation/entries";
import { ADDRESS_MAX_LENGTH, EMAIL_MAX_LENGTH, PERSON_NAME_MAX_LENGTH, PHONE_MAX_LENGTH } from "@/lib/validation/festival-limits";

type Values = Partial<Record<ProfileField, string>>;

/** Add (no profileId) or change a person or group the account manages. */
export function ProfileForm({ profileId, initial, submitLabel }: { profileId?: string; initial: Values; submitLabel: string }) {
  const [state, action] = useActionState(saveProfileAction, { ...emptyFormState<ProfileField>(), values: initial } as FormState<ProfileField>);
  const v = state.values;
  const e = state.errors;
  // Keyed by the values sent back, so a refused form shows what was typed (React resets forms after an action).
  return (
    <form action={action} className="stack" noValidate key={JSON.stringify(v)}>
      <FormAlert message={e.form} />
      {profileId && <input type="hidden" name="profileId" value={profileId} />}
      <fieldset className="checkboxes">
        <legend>A person or a group?</legend>
        <label className="checkbox">
          <input type="radio" name="kind" value="person" defaultChecked={v.kind !== "group"} /> A person
        </label>
        <label className="checkbox">
          <input type="radio" name="kind" value="group" defaultChecked={v.kind === "group"} /> A group (choir, band, ensemble)
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="field-relationship">Who is this to you?</label>
        <select id="field-relationship" name="relationship" defaultValue={v.relationship ?? "guardian"} aria-invalid={e.relationship ? true : undefined}>
          {Object.entries(RELATIONSHIPS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {e.relationship && (
          <p className="field-error" role="alert">
            {e.relationship}
          </p>
        )}
      </div>
      <TextField name="name" label="Name" required maxLength={PERSON_NAME_MAX_LENGTH} defaultValue={v.name} error={e.name} autoComplete="off" />
      <TextField
        name="birthDate"
        label="Birth date (persons)"
        type="date"
        defaultValue={v.birthDate}
        error={e.birthDate}
        hint="Needed for classes with an age limit. Only you and the organizers see it."
      />
      <TextField name="school" label="School (optional)" maxLength={PERSON_NAME_MAX_LENGTH} defaultValue={v.school} error={e.school} />
      <TextField name="email" label="Contact e-mail (optional)" type="email" maxLength={EMAIL_MAX_LENGTH} defaultValue={v.email} error={e.email} />
      <TextField name="phone" label="Phone (optional)" type="tel" maxLength={PHONE_MAX_LENGTH} defaultValue={v.phone} error={e.phone} />
      <TextField name="address" label="Address (optional)" maxLength={ADDRESS_MAX_LENGTH} defaultValue={v.address} error={e.address} />
      <TextField name="contactName" label="Contact person (groups)" maxLength={PERSON_NAME_MAX_LENGTH} defaultValue={v.contactName} error={e.contactName} />
      <TextField name="membersCount" label="Number of members (groups)" inputMode="numeric" defaultValue={v.membersCount} error={e.membersCount} />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
