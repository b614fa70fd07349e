"use client";
import { useActionState } from "react";
import { changeEmailAction, type EmailFields } from "../actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { EmailField } from "@/components/forms/email-field";
import { CurrentPasswordField } from "@/components/forms/current-password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";

export function ChangeEmailForm() {
  const [state, action] = useActionState(changeEmailAction, emptyFormState<EmailFields>() as FormState<EmailFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <FormSuccess message={state.message} />
      <EmailField name="newEmail" label="New e-mail address" value={state.values.newEmail} error={state.errors.newEmail} />
      <CurrentPasswordField error={state.errors.currentPassword} idPrefix="email" />
      <SubmitButton pendingLabel="Sending…">Send confirmation link</SubmitButton>
    </form>
  );
}
