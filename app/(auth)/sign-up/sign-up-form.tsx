"use client";
import { useActionState } from "react";
import Link from "next/link";
import { signUpAction, type SignUpFields } from "../actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { EmailField } from "@/components/forms/email-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";

export function SignUpForm({ returnTo, passwordMinLength }: { returnTo: string; passwordMinLength: number }) {
  const [state, action] = useActionState(signUpAction, emptyFormState<SignUpFields>() as FormState<SignUpFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="callbackUrl" value={returnTo} />
      <EmailField value={state.values.email} error={state.errors.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={passwordMinLength}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`At least ${passwordMinLength} characters. A few unrelated words make a strong one, and pasting from a password manager works.`}
        error={state.errors.password}
      />
      <TextField
        name="confirmPassword"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        error={state.errors.confirmPassword}
      />
      <SubmitButton pendingLabel="Creating your account…">Sign up</SubmitButton>
      <p className="form-footer">
        Already have an account? <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`}>Sign in</Link>
      </p>
    </form>
  );
}
