import type { Metadata } from "next";
import Link from "next/link";
import { prisma } from "@/lib/db";
import { lacksRequiredSecondFactor, requireUser } from "@/lib/auth/guards";
import { requireFreshAuth } from "@/lib/auth/freshness";
import { twoFactorState } from "@/lib/auth/second-factor";
import { totpUri } from "@/lib/auth/totp";
import { qrCodeSvg } from "@/lib/auth/totp-qr";
import { SubmitButton } from "@/components/forms/submit-button";
import { disableSecondFactorAction, startEnrolmentAction } from "./actions";
import { ConfirmEnrolmentForm, RegenerateForm } from "./forms";

export const metadata: Metadata = { title: "Two-step sign-in" };

/** The secret in groups of four, as authenticator apps accept it typed. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export default async function TwoFactorPage() {
  // Open to those who must enrol (they can use nothing else); managing the second factor needs a recent sign-in.
  const user = await requireUser({ allowWithoutSecondFactor: true });
  await requireFreshAuth(user);
  const state = await twoFactorState(prisma, user.id);
  const required = lacksRequiredSecondFactor(user);
  const qr = state.pendingSecret ? await qrCodeSvg(totpUri(state.pendingSecret, user.email)) : "";
  return (
    <section className="panel" aria-labelledby="two-factor-title">
      {!required && (
        <p>
          <Link href="/account/security" prefetch={false}>← Password, e-mail and sessions</Link>
        </p>
      )}
      <h1 id="two-factor-title">Two-step sign-in</h1>
      {required && (
        <p className="lead" role="status">
          Your permissions require two-step sign-in. Set up an authenticator app to continue.
        </p>
      )}
      {state.enabled ? (
        <>
          <p className="lead">
            Two-step sign-in is <strong>on</strong>: signing in asks for a code from your authenticator app.
          </p>
          <p>
            {state.remainingRecoveryCodes} {state.remainingRecoveryCodes === 1 ? "recovery code" : "recovery codes"} left.
          </p>
          <RegenerateForm email={user.email} />
          <form action={disableSecondFactorAction} className="stack">
            <SubmitButton className="button button-danger" pendingLabel="Turning off…">
              Turn off two-step sign-in
            </SubmitButton>
          </form>
        </>
      ) : state.pendingSecret ? (
        <>
          <p className="lead">Scan this code with your authenticator app, then enter the code it shows.</p>
          <figure className="qr-code">
            {/* SVG made by `qrcode` from our own otpauth:// address: no markup from anyone else. */}
            <div role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: qr }} />
            <figcaption>
              Or type this key: <code data-testid="totp-secret">{grouped(state.pendingSecret)}</code>
            </figcaption>
          </figure>
          <ConfirmEnrolmentForm email={user.email} />
        </>
      ) : (
        <>
          <p className="lead">
            Protect your account with a code from an authenticator app on your phone, asked after your password.
          </p>
          <form action={startEnrolmentAction}>
            <SubmitButton pendingLabel="Starting…">Set up an authenticator app</SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}
