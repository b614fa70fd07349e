import { TextField } from "./text-field";
import { CODE_MAX_LENGTH } from "@/lib/validation/second-factor";

/** "Code": from the authenticator app, or a recovery code. The sign-in's second step and re-authentication ask for it. */
export function SecondFactorCodeField({ error }: { error?: string }) {
  return (
    <TextField
      name="code"
      label="Code"
      hint="The 6-digit code from your authenticator app, or one of your recovery codes."
      autoComplete="one-time-code"
      autoCapitalize="none"
      spellCheck={false}
      required
      maxLength={CODE_MAX_LENGTH}
      error={error}
    />
  );
}
