import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { findLiveToken } from "@/lib/tokens/service";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { SubmitButton } from "@/components/forms/submit-button";
import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your new e-mail address", referrer: "no-referrer" };

// The link mailed to the new address of an e-mail change. Opening it (a GET, which mail scanners do
// too) only looks the token up; the change happens when the button is pressed (a POST).
// The token rides in the query: Next answers 500 to an undecodable path segment ("%FF").
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const live = await orServiceUnavailable(`/confirm-email-change?${new URLSearchParams({ token })}`, () => findLiveToken(prisma, token, "email_change"));
  if (!live?.newEmail) redirect("/link-invalid?kind=email-change");
  return (
    <section className="panel narrow" aria-labelledby="confirm-change-title">
      <h1 id="confirm-change-title">Confirm your new e-mail address</h1>
      <p className="lead">
        Your festival account will use <strong>{live.newEmail}</strong> from now on. Confirming signs the account out everywhere;
        you then sign in with the new address.
      </p>
      <form action={confirmEmailChangeAction}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel="Confirming…">Confirm this address</SubmitButton>
      </form>
    </section>
  );
}
