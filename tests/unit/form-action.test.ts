import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { redirect } from "next/navigation";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { RuleError } from "@/lib/auth/actor";
import { echoLength, EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from "@/lib/validation/limits";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

// The one helper every form action goes through (lib/forms/form-action.ts): each of its paths, with a
// real zod schema and real errors; the guard and the change are plain functions that record their calls.

const schema = z.object({
  email: z.string().trim().max(EMAIL_MAX_LENGTH, "Too long").pipe(z.email({ error: "Not an e-mail" })),
  name: z.string().max(NAME_MAX_LENGTH, "Name too long"),
  password: z.string().min(8, "Too short"),
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const GOOD = { email: "ann@example.org", name: "Ann", password: "a long password" };

/** A spec whose guard and change record that they ran. */
function spec(run: () => Promise<unknown> = async () => ({ message: "Saved." }), guard: () => Promise<string> = async () => "ann") {
  const calls: string[] = [];
  return {
    calls,
    spec: {
      guard: async () => {
        calls.push("guard");
        return guard();
      },
      schema,
      echo: { email: EMAIL_MAX_LENGTH, name: NAME_MAX_LENGTH },
      where: "test-form",
      run: async (actor: string, data: z.output<typeof schema>) => {
        calls.push(`run ${actor} ${data.email}`);
        return (await run()) as { message?: string } | void;
      },
    },
  };
}

/** What a Next control-flow throw (redirect, notFound) carries. */
async function digestOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
  throw new Error("did not throw");
}

describe("formAction", () => {
  it("a refused guard ends the action before the form is read or anything runs", async () => {
    const { calls, spec: s } = spec(undefined, async () => redirect("/sign-in?callbackUrl=%2Faccount"));
    expect(await digestOf(formAction(form({ ...GOOD, email: "bad" }), s))).toMatch(/^NEXT_REDIRECT;replace;\/sign-in\?callbackUrl=%2Faccount;/);
    expect(calls).toEqual(["guard"]);
  });

  it("bad input: a message next to each field, what was typed back cut to its field's limit, passwords never", async () => {
    const { calls, spec: s } = spec();
    const long = "x".repeat(10_000);
    const result = await formAction(form({ email: `${long}@example.org`, name: long, password: "short" }), s);
    expect(result.errors).toEqual({ email: "Too long", name: "Name too long", password: "Too short" });
    expect(result.values.email).toBe(long.slice(0, echoLength(EMAIL_MAX_LENGTH)));
    expect(result.values.name).toHaveLength(echoLength(NAME_MAX_LENGTH));
    expect(result.values).not.toHaveProperty("password");
    expect(calls).toEqual(["guard"]);
  });

  it("reads the first value of each field, a file as missing, and takes a field named __proto__ as just a field", async () => {
    const data = form(GOOD);
    data.append("__proto__", "x");
    data.append("email", "second@example.org");
    data.set("name", new Blob(["file"]));
    const { spec: s } = spec();
    const result = await formAction(data, s);
    expect(result.errors).toEqual({ name: "Invalid input: expected string, received undefined" });
    const withName = form({ ...GOOD });
    withName.append("email", "second@example.org");
    const { calls, spec: ok } = spec();
    await formAction(withName, ok);
    expect(calls).toEqual(["guard", "run ann ann@example.org"]);
  });

  it("a rule's refusal goes next to its field, or above the button; the typed values come back", async () => {
    const onField = await formAction(form(GOOD), spec(async () => { throw new RuleError("Taken", "invalid", "name"); }).spec);
    expect(onField).toEqual({ values: { email: GOOD.email, name: GOOD.name }, errors: { name: "Taken" } });
    const onForm = await formAction(form(GOOD), spec(async () => { throw new RuleError("Not allowed"); }).spec);
    expect(onForm.errors).toEqual({ form: "Not allowed" });
  });

  it("a missing record is a message, or a 404 when the action says so", async () => {
    const missing = async () => {
      throw new RuleError("No such entry", "not_found");
    };
    expect((await formAction(form(GOOD), spec(missing).spec)).errors).toEqual({ form: "No such entry" });
    expect(await digestOf(formAction(form(GOOD), { ...spec(missing).spec, missingIsNotFound: true }))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("a service's own typed refusal is mapped by the action; other errors are thrown", async () => {
    class Refused extends Error {}
    const { spec: s } = spec(async () => {
      throw new Refused("no");
    });
    const mapped = await formAction(form(GOOD), { ...s, refusal: (e: unknown) => (e instanceof Refused ? { password: "Refused" } : undefined) });
    expect(mapped.errors).toEqual({ password: "Refused" });
    await expect(formAction(form(GOOD), s)).rejects.toBeInstanceOf(Refused);
  });

  it("an unreachable database: the form's 'temporarily unavailable' with the values back, and one log line", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const down = Object.assign(new Error("Can't reach database server"), { code: "P1001" });
      const result = await formAction(form(GOOD), spec(async () => { throw down; }).spec);
      expect(result).toEqual({ values: { email: GOOD.email, name: GOOD.name }, errors: { form: SERVICE_UNAVAILABLE_MESSAGE } });
      expect(log.mock.calls).toEqual([["[db] unavailable (test-form): P1001 Can't reach database server"]]);
    } finally {
      log.mockRestore();
    }
  });

  it("success: the change's answer, or its redirect passed through", async () => {
    const { calls, spec: s } = spec();
    expect(await formAction(form({ ...GOOD, email: " ann@example.org " }), s)).toEqual({
      values: { email: " ann@example.org ", name: "Ann" },
      errors: {},
      message: "Saved.",
    });
    expect(calls).toEqual(["guard", "run ann ann@example.org"]);
    const redirecting = spec(async () => redirect("/done")).spec;
    expect(await digestOf(formAction(form(GOOD), redirecting))).toMatch(/^NEXT_REDIRECT;replace;\/done;/);
  });

  it("plainFields: each id as posted, or empty", async () => {
    expect(plainFields(["userId", "role"]).parse({ userId: "u1" })).toEqual({ userId: "u1", role: "" });
  });
});
