"use client";
import { useActionState } from "react";
import { changePasswordAction, type PasswordFields } from "../actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { CurrentPasswordField } from "@/components/forms/current-password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

export function ChangePasswordForm({ passwordMinLength }: { passwordMinLength: number }) {
  const [state, action] = useActionState(changePasswordAction, emptyFormState<PasswordFields>() as FormState<PasswordFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <CurrentPasswordField error={state.errors.currentPassword} />
      <NewPasswordFields minLength={passwordMinLength} errors={state.errors} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
