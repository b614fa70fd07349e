"use client";
import { useActionState } from "react";
import { verifySecondFactorAction, type VerifyFields } from "./actions";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { SecondFactorCodeField } from "@/components/forms/second-factor-code-field";
import { FormAlert } from "@/components/forms/form-alert";

export function VerifyForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(verifySecondFactorAction, emptyFormState<VerifyFields>() as FormState<VerifyFields>);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <input type="hidden" name="callbackUrl" value={returnTo} />
      <SecondFactorCodeField error={state.errors.code} />
      <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
    </form>
  );
}
