"use client";
import { useActionState } from "react";
import Link from "next/link";
import { requestSignInLinkAction, type SignInLinkFields } from "./actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { EmailField } from "@/components/forms/email-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";

export function SignInLinkForm() {
  const [state, action] = useActionState(requestSignInLinkAction, emptyFormState<SignInLinkFields>() as FormState<SignInLinkFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <EmailField autoComplete="username" value={state.values.email} error={state.errors.email} />
      <SubmitButton pendingLabel="Sending…">E-mail me a sign-in link</SubmitButton>
      <p className="form-footer">
        Rather use your password? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
