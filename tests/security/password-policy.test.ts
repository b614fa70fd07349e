import { describe, expect, it } from "vitest";
import { newPasswordSchema, signUpSchema, firstFieldErrors } from "@/lib/validation/user";
import { passwordProblem } from "@/lib/validation/password";

describe("password policy (one place: lib/validation/user.ts)", () => {
  it("refuses the original app's example password, and says why", () => {
    expect(newPasswordSchema(15).safeParse("password").error?.issues[0]?.message).toBe("Use at least 15 characters (you have 8)");
    // Even where the minimum is lowered, it is one of the most common passwords.
    expect(newPasswordSchema(8).safeParse("password").error?.issues[0]?.message).toMatch(/most common/);
  });

  it.each(["1qaz2wsx3edc4rfv", "123456789qwerty", "QAZWSXEDCRFVTGB"])("refuses the common password %s in any case", (pw) => {
    const result = newPasswordSchema(15).safeParse(pw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("This password is one of the most common ones: choose another");
  });

  it.each([
    "aaaaaaaaaaaaaaaa",
    "abcabcabcabcabcabc",
    "passwordpasswordpassword",
    "123456789012345",
    "abcdefghijklmnopq",
    "ZYXWVUTSRQPONMLK",
    "987654321098765",
  ])("refuses the repeated or sequential pattern %s", (pw) => {
    expect(newPasswordSchema(15).safeParse(pw).error?.issues[0]?.message).toBe(
      "This password is a repeated or sequential pattern, easy to guess: choose another",
    );
  });

  it.each(["violas violas violas tune", "abcdefghij klmnop", "1234567890 is my lucky", "festival2026festival2027"])(
    "accepts %s: a pattern inside a longer password is not the whole password",
    (pw) => {
      expect(newPasswordSchema(15).safeParse(pw).success).toBe(true);
    },
  );

  it("accepts an uncommon passphrase", () => {
    expect(newPasswordSchema(15).safeParse("violas tuning before the matinee").success).toBe(true);
  });

  it("refuses a password containing the e-mail's local part, on the password field", () => {
    const result = signUpSchema(15).safeParse({
      email: "Ann.Smith@example.org",
      password: "my name is ann.smith and I play",
      confirmPassword: "my name is ann.smith and I play",
    });
    expect(firstFieldErrors(result.error!)).toEqual({ password: "Your password must not contain your e-mail address" });
  });

  it("ignores local parts too short to matter", () => {
    expect(passwordProblem("a long passphrase with jo in it", { minLength: 15, email: "jo@example.org" })).toBeNull();
    expect(passwordProblem("a long passphrase with JOHN in it", { minLength: 15, email: "john@example.org" })).toBe("Your password must not contain your e-mail address");
  });
});
