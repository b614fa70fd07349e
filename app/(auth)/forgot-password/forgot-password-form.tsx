"use client";
import { useActionState } from "react";
import Link from "next/link";
import { forgotPasswordAction, type ForgotFields } from "../password-actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { EMAIL_MAX_LENGTH } from "@/lib/validation/limits";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, emptyFormState<ForgotFields>() as FormState<ForgotFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <TextField
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        maxLength={EMAIL_MAX_LENGTH}
        defaultValue={state.values.email}
        key={`email-${state.values.email ?? ""}`}
        error={state.errors.email}
      />
      <SubmitButton pendingLabel="Sending…">Send me a reset link</SubmitButton>
      <p className="form-footer">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
