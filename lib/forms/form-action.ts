import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { RuleError } from "@/lib/auth/actor";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";
import { echoLength } from "@/lib/validation/limits";
import { firstFieldErrors } from "@/lib/validation/user";

// The one shape of a form's server action (docs/decisions/form-actions.md): the guard first (who may
// act; it refuses by redirecting, forbidden() or notFound(), before the form is even read), then the
// form's zod schema (a message next to each field), then the service; a rule's refusal goes next to its
// field or above the button, an unreachable database becomes the form's "temporarily unavailable"
// (the guard's own query already sends a page to the 503 page), and what was typed comes back, each
// field cut to its limit (lib/validation/limits.ts), so nothing typed is lost and nothing huge is echoed.

export type FormErrors = Partial<Record<string, string>>;

/** What a form action answers (components/forms/form-state.ts is its client-side view). */
export interface FormResult<V> {
  values: V;
  errors: FormErrors;
  message?: string;
}

/** What `run` may answer besides redirecting: messages, and values to show instead of the echo. */
export type RunOutcome<V> = { values?: V; errors?: FormErrors; message?: string } & Record<string, unknown>;

/** Field name → its maximum length (lib/validation/limits.ts): the fields given back after a refusal. */
export type EchoLimits<K extends string> = { readonly [key in K]: number };

export interface FormSpec<Actor, S extends z.ZodType, V, O extends RunOutcome<V>> {
  /** Who may act. Runs first; refuses by throwing (redirect to sign-in, forbidden(), notFound()). */
  guard: () => Promise<Actor>;
  /** Parses the posted strings (the first value of each field; a file counts as missing), or `input`. */
  schema: S;
  /** What the schema parses instead, for a form with lists (the entry form's performers and pieces). */
  input?: (formData: FormData) => unknown;
  /** The fields to give back after a refusal, cut to their limits; password fields never are. */
  echo: EchoLimits<string> | ((formData: FormData) => V);
  /** Names the action in the log line when the database is out of reach. */
  where: string;
  /** Called with the field errors of a form the schema refused, before they are answered (may redirect). */
  invalid?: (errors: FormErrors) => void;
  /** The change. Success usually redirects (see redirectWithFlash); a returned outcome is answered as is. */
  run: (actor: Actor, data: z.output<S>) => Promise<O | void>;
  /** A service's own typed refusals as field messages (RuleError is understood without it). */
  refusal?: (error: unknown, data: z.output<S>) => FormErrors | undefined | Promise<FormErrors | undefined>;
  /** A RuleError of kind "not_found" is a 404 (the record is not the caller's), not a message. */
  missingIsNotFound?: boolean;
}

export async function formAction<Actor, S extends z.ZodType, V = Partial<Record<string, string>>, O extends RunOutcome<V> = RunOutcome<V>>(
  formData: FormData,
  spec: FormSpec<Actor, S, V, O>,
): Promise<FormResult<V> & Omit<O, keyof FormResult<V>>> {
  type Result = FormResult<V> & Omit<O, keyof FormResult<V>>;
  const answer = (result: FormResult<V>) => result as Result; // the extras of O come only from run's outcome
  const actor = await spec.guard();
  const posted = postedStrings(formData);
  const values = typeof spec.echo === "function" ? spec.echo(formData) : (echoed(posted, spec.echo) as V);
  const parsed = spec.schema.safeParse(spec.input ? spec.input(formData) : posted);
  if (!parsed.success) {
    const errors: FormErrors = firstFieldErrors(parsed.error);
    spec.invalid?.(errors);
    return answer({ values, errors });
  }
  try {
    const outcome = await spec.run(actor, parsed.data);
    return answer({ ...outcome, values: outcome?.values ?? values, errors: outcome?.errors ?? {} });
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and Next's other control flow pass through
    const errors = (await spec.refusal?.(error, parsed.data)) ?? ruleErrors(error, spec.missingIsNotFound);
    if (errors) return answer({ values, errors });
    if (!isDatabaseUnavailable(error)) throw error;
    logDatabaseUnavailable(spec.where, error);
    return answer({ values, errors: { form: SERVICE_UNAVAILABLE_MESSAGE } });
  }
}

/** A rule's refusal, next to its field (RuleError.field) or above the button. */
function ruleErrors(error: unknown, missingIsNotFound = false): FormErrors | undefined {
  if (!(error instanceof RuleError)) return undefined;
  if (missingIsNotFound && error.kind === "not_found") notFound();
  return { [error.field ?? "form"]: error.message };
}

/**
 * The first value of each posted field, as FormData.get gives it; a file becomes undefined. No
 * prototype, so a field named "__proto__" is just a field.
 */
function postedStrings(formData: FormData): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null);
  for (const [key, value] of formData) {
    if (!(key in out)) out[key] = typeof value === "string" ? value : undefined;
  }
  return { ...out };
}

function echoed(posted: Record<string, string | undefined>, limits: EchoLimits<string>): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [key, max] of Object.entries(limits)) {
    const value = posted[key];
    if (value !== undefined) out[key] = value.slice(0, echoLength(max));
  }
  return out;
}

/** For forms that post only ids and choices: each field as posted, or "" (the service checks what it names). */
export function plainFields<K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((key) => [key, z.string().catch("")])) as Record<K, z.ZodCatch<z.ZodString>>);
}

/** The guard of the signed-out forms (sign-in, sign-up, forgot password): anyone may post them; throttles bound them. */
export async function anyone(): Promise<null> {
  return null;
}
