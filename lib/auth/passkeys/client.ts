// Browser side of the passkey ceremonies (no server code here): fetch the options, run the WebAuthn
// call through @simplewebauthn/browser, loaded only when needed so pages pay for it after first paint.

export type PasskeyPurpose = "register" | "sign-in" | "reauth";

export interface PasskeyErrors {
  name?: string;
  form?: string;
}

export class PasskeyRequestError extends Error {
  constructor(readonly errors: PasskeyErrors) {
    super(errors.form ?? errors.name ?? "Passkey request refused");
  }
}

export function loadWebAuthn() {
  return import("@simplewebauthn/browser");
}

/** POSTs JSON to one of /api/passkeys' routes; a refusal becomes a PasskeyRequestError with its messages. */
export async function postPasskeyJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new PasskeyRequestError({ form: "The site could not be reached. Check your connection and try again." });
  }
  const data = (await response.json().catch(() => ({}))) as { errors?: PasskeyErrors } & T;
  if (!response.ok) throw new PasskeyRequestError(data.errors ?? { form: "Something went wrong. Try again." });
  return data;
}

/** The options of a ceremony, from the server (which keeps the challenge, bound to this browser). */
export function passkeyOptions<T>(purpose: PasskeyPurpose, extra: Record<string, unknown> = {}): Promise<T> {
  return postPasskeyJson<T>("/api/passkeys/options", { purpose, ...extra });
}

/** What the user sees when the browser's prompt ended without a passkey (cancelled, timed out, none there). */
export const NO_PASSKEY_USED = "No passkey was used. Try again, or sign in another way.";
