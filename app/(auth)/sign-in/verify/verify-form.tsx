"use client";
import { useActionState } from "react";
import { verifySecondFactorAction, type VerifyFields } from "./actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { CODE_MAX_LENGTH } from "@/lib/validation/second-factor";

export function VerifyForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(verifySecondFactorAction, emptyFormState<VerifyFields>() as FormState<VerifyFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="callbackUrl" value={returnTo} />
      <TextField
        name="code"
        label="Code"
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={CODE_MAX_LENGTH}
        error={state.errors.code}
      />
      <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
    </form>
  );
}
