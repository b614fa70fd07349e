import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guards";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db";
import { siteRelyingParty } from "@/lib/auth/passkeys/service";
import { ConfirmIdentityForm } from "./confirm-identity-form";
import { PasskeyReauth } from "./passkey-reauth";

export const metadata: Metadata = { title: "Confirm it's you" };

export default async function ConfirmIdentityPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const returnTo = safeRedirectPath((await searchParams).next, "/account/security");
  const user = await requireUser({ allowWithoutSecondFactor: true });
  const passkeys = siteRelyingParty() !== null && (await prisma.passkey.count({ where: { userId: user.id } })) > 0;
  return (
    <section className="panel narrow" aria-labelledby="confirm-identity-title">
      <h1 id="confirm-identity-title">Confirm it&apos;s you</h1>
      <p className="lead">
        This change needs a recent sign-in (within {env().FRESHNESS_MINUTES} minutes). Enter your password
        {user.secondFactor ? " and a code from your authenticator app" : ""}, or use one of your passkeys, to continue.
      </p>
      <ConfirmIdentityForm returnTo={returnTo} secondFactor={user.secondFactor} />
      {passkeys ? <PasskeyReauth returnTo={returnTo} /> : null}
    </section>
  );
}
