"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/browser";
import { TextField } from "@/components/forms/text-field";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { loadWebAuthn, passkeyOptions, PasskeyRequestError, postPasskeyJson, type PasskeyErrors } from "@/lib/auth/passkeys/client";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/validation/limits";

/** Names a new passkey, runs the browser's registration, and stores it (POST /api/passkeys). */
export function AddPasskeyForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<PasskeyErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  function add(formData: FormData) {
    const name = String(formData.get("name") ?? "");
    setErrors({});
    setMessage(undefined);
    startTransition(async () => {
      try {
        const webauthn = await loadWebAuthn();
        if (!webauthn.browserSupportsWebAuthn()) throw new PasskeyRequestError({ form: "This browser cannot create passkeys." });
        const optionsJSON = await passkeyOptions<PublicKeyCredentialCreationOptionsJSON>("register", { name });
        let response: RegistrationResponseJSON;
        try {
          response = await webauthn.startRegistration({ optionsJSON });
        } catch {
          throw new PasskeyRequestError({ form: "No passkey was created. Try again when you are ready." });
        }
        await postPasskeyJson("/api/passkeys", { name, response });
        setMessage(`The passkey “${name.trim()}” has been added. You can now sign in with it.`);
        router.refresh();
      } catch (caught) {
        setErrors(caught instanceof PasskeyRequestError ? caught.errors : { form: "Something went wrong. Try again." });
      }
    });
  }

  return (
    <form action={add} className="stack" noValidate>
      <FormAlert message={errors.form} />
      <FormSuccess message={message} />
      <TextField
        name="name"
        label="Name of the new passkey"
        hint="So you can tell your passkeys apart, e.g. “Laptop” or “Phone”."
        required
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        error={errors.name}
        autoComplete="off"
      />
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? "Adding…" : "Add a passkey"}
      </button>
    </form>
  );
}
