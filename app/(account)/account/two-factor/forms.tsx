"use client";
import { useActionState } from "react";
import Link from "next/link";
import { confirmEnrolmentAction, regenerateRecoveryCodesAction, type CodesState } from "./actions";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { recoveryCodesFile } from "@/lib/auth/second-factor-rules";
import { CODE_MAX_LENGTH } from "@/lib/validation/second-factor";
import { RecoveryCodes } from "./recovery-codes";

const initial: CodesState = { values: {}, errors: {} };

export function ConfirmEnrolmentForm({ email }: { email: string }) {
  const [state, action] = useActionState(confirmEnrolmentAction, initial);
  if (state.codes) {
    return (
      <>
        <p role="status">{state.message}</p>
        <RecoveryCodes codes={state.codes} file={recoveryCodesFile(state.codes, email)} />
        <p>
          <Link href="/account/two-factor" prefetch={false}>Done</Link>
        </p>
      </>
    );
  }
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      <TextField
        name="code"
        label="Code from the app"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        maxLength={CODE_MAX_LENGTH}
        error={state.errors.code}
      />
      <SubmitButton pendingLabel="Checking…">Turn on</SubmitButton>
    </form>
  );
}

export function RegenerateForm({ email }: { email: string }) {
  const [state, action] = useActionState(regenerateRecoveryCodesAction, initial);
  return (
    <>
      {state.codes && (
        <>
          <p role="status">{state.message}</p>
          <RecoveryCodes codes={state.codes} file={recoveryCodesFile(state.codes, email)} />
        </>
      )}
      <form action={action} className="stack">
        <FormAlert message={state.errors.form} />
        <SubmitButton className="button button-quiet" pendingLabel="Making codes…">
          Make new recovery codes
        </SubmitButton>
      </form>
    </>
  );
}
