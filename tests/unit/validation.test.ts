import { describe, expect, it } from "vitest";
import { emailSchema, newPasswordSchema, signUpSchema, firstFieldErrors, formFields } from "@/lib/validation/user";
import { parseEnv, EnvError } from "@/lib/env";

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Ann.Smith@Example.ORG ")).toBe("ann.smith@example.org");
  });
  it.each(["", "   ", "not-an-email", "a@", "@b.org", `${"a".repeat(250)}@b.org`])("refuses %j", (value) => {
    expect(emailSchema.safeParse(value).success).toBe(false);
  });
});

describe("newPasswordSchema (NIST SP 800-63B-4)", () => {
  const policy = newPasswordSchema(15);
  it("refuses fewer than the minimum and says how many there are", () => {
    const result = policy.safeParse("short password");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Use at least 15 characters (you have 14)");
  });
  it("accepts the minimum with no composition rules", () => {
    expect(policy.safeParse("violinviolaharp").success).toBe(true);
  });
  it("counts characters, not UTF-16 units: 14 emoji are 14 characters", () => {
    const fifteen = "🎻🥁🎺🎷🎸🎹🪕🪗🎤🎧🎼🎵🎶🪘🪈";
    expect([...fifteen]).toHaveLength(15);
    expect(policy.safeParse([...fifteen].slice(0, 14).join("")).success).toBe(false);
    expect(policy.safeParse(fifteen).success).toBe(true);
  });
  it("refuses more than 128 characters and never truncates", () => {
    const long = "violas tuning before the matinee, ".repeat(4);
    expect(policy.safeParse(long.slice(0, 128)).success).toBe(true);
    expect(policy.safeParse(long.slice(0, 129)).success).toBe(false);
  });
  it("normalises to NFKC", () => {
    // U+FB01 (the "ﬁ" ligature) becomes "fi" under NFKC.
    expect(policy.parse("\uFB01ddle and drums in spring")).toBe("fiddle and drums in spring");
  });
  it("follows the configured minimum", () => {
    expect(newPasswordSchema(20).safeParse("a".repeat(19)).success).toBe(false);
  });
});

describe("signUpSchema", () => {
  const schema = signUpSchema(15);
  it("puts a mismatch on the confirmation field", () => {
    const result = schema.safeParse({ email: "a@b.org", password: "correct horse battery", confirmPassword: "correct horse battery!" });
    expect(result.success).toBe(false);
    expect(firstFieldErrors(result.error!)).toEqual({ confirmPassword: "The passwords do not match" });
  });
  it("reports missing fields by name instead of throwing", () => {
    const result = schema.safeParse({});
    expect(Object.keys(firstFieldErrors(result.error!)).sort()).toEqual(["confirmPassword", "email", "password"]);
  });
});

describe("formFields", () => {
  it("turns files and missing fields into undefined", () => {
    const data = new FormData();
    data.set("email", "a@b.org");
    data.set("password", new Blob(["x"]));
    expect(formFields(data, ["email", "password", "other"])).toEqual({ email: "a@b.org", password: undefined, other: undefined });
  });
});

describe("parseEnv", () => {
  it("has development defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/mfo.db");
    expect(env.PASSWORD_MIN_LENGTH).toBe(15);
  });
  it("requires AUTH_SECRET in production and names it", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
  });
  it("names a malformed variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://x" })).toThrow(EnvError);
    expect(() => parseEnv({ PASSWORD_MIN_LENGTH: "three" })).toThrow(/PASSWORD_MIN_LENGTH/);
    expect(() => parseEnv({ ADMIN_EMAIL: "root@example.org" })).toThrow(/ADMIN_PASSWORD/);
  });
  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", ADMIN_EMAIL: "", ADMIN_PASSWORD: "" }).DATABASE_URL).toBe("file:./data/mfo.db");
  });
});
