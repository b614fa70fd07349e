"use client";
import { useActionState } from "react";
import { resetPasswordAction, type ResetFields } from "../password-actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

export function ResetPasswordForm({ token, passwordMinLength }: { token: string; passwordMinLength: number }) {
  const [state, action] = useActionState(resetPasswordAction, emptyFormState<ResetFields>() as FormState<ResetFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields minLength={passwordMinLength} errors={state.errors} />
      <SubmitButton pendingLabel="Saving…">Save new password</SubmitButton>
    </form>
  );
}
