"use client";
import { useActionState } from "react";
import { updateProfileAction, type ProfileFields } from "./actions";
import { type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { NAME_MAX_LENGTH } from "@/lib/validation/limits";

export function ProfileForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateProfileAction, { values: { name }, errors: {} } as FormState<ProfileFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <FormSuccess message={state.message} />
      <TextField
        name="name"
        label="Display name"
        autoComplete="name"
        maxLength={NAME_MAX_LENGTH}
        hint="How the festival addresses you. Leave empty for none."
        defaultValue={state.values.name}
        key={`name-${state.values.name ?? ""}`}
        error={state.errors.name}
      />
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}
