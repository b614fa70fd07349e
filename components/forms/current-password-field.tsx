import { TextField } from "./text-field";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";

/** "Current password", which every change to the account's credentials asks for first. */
export function CurrentPasswordField({ error, idPrefix }: { error?: string; idPrefix?: string }) {
  return (
    <TextField
      name="currentPassword"
      idPrefix={idPrefix}
      label="Current password"
      type="password"
      autoComplete="current-password"
      required
      maxLength={PASSWORD_MAX_LENGTH}
      error={error}
    />
  );
}
