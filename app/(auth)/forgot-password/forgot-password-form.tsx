"use client";
import { useActionState } from "react";
import Link from "next/link";
import { forgotPasswordAction, type ForgotFields } from "../password-actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { EmailField } from "@/components/forms/email-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, emptyFormState<ForgotFields>() as FormState<ForgotFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <EmailField value={state.values.email} error={state.errors.email} />
      <SubmitButton pendingLabel="Sending…">Send me a reset link</SubmitButton>
      <p className="form-footer">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
