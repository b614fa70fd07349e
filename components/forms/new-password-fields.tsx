import { TextField } from "./text-field";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";

/** "New password" and its confirmation, as the reset and change-password forms both ask. */
export function NewPasswordFields({ minLength, errors }: { minLength: number; errors: { newPassword?: string; confirmPassword?: string } }) {
  return (
    <>
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`At least ${minLength} characters. A few unrelated words make a strong one, and pasting from a password manager works.`}
        error={errors.newPassword}
      />
      <TextField
        name="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        error={errors.confirmPassword}
      />
    </>
  );
}
