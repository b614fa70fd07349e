"use client";
import { useActionState } from "react";
import Link from "next/link";
import { signInAction, type SignInFields } from "../actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { EmailField } from "@/components/forms/email-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(signInAction, emptyFormState<SignInFields>() as FormState<SignInFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="callbackUrl" value={returnTo} />
      <EmailField autoComplete="username webauthn" value={state.values.email} error={state.errors.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        error={state.errors.password}
      />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      <p className="form-footer">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="form-footer">
        New here? <Link href={`/sign-up?${new URLSearchParams({ callbackUrl: returnTo })}`}>Create an account</Link>
      </p>
    </form>
  );
}
