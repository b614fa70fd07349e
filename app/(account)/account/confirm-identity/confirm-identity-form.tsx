"use client";
import { useActionState } from "react";
import { confirmIdentityAction, type ConfirmIdentityFields } from "./actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { SecondFactorCodeField } from "@/components/forms/second-factor-code-field";
import { FormAlert } from "@/components/forms/form-alert";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";

/** `secondFactor`: the user has an authenticator app, so a code from it (or a recovery code) is asked too. */
export function ConfirmIdentityForm({ returnTo, secondFactor }: { returnTo: string; secondFactor: boolean }) {
  const [state, action] = useActionState(confirmIdentityAction, emptyFormState<ConfirmIdentityFields>() as FormState<ConfirmIdentityFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="next" value={returnTo} />
      <TextField
        name="currentPassword"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        error={state.errors.currentPassword}
      />
      {secondFactor ? <SecondFactorCodeField error={state.errors.code} /> : null}
      <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
    </form>
  );
}
