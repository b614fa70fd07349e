import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { entriesAreOpen, getCurrentSeason } from "@/lib/festival/current-season";
import { feeTotals, listEntrantEntries } from "@/lib/festival/entries";
import { formatInstant } from "@/lib/festival/dates";
import { formatCents } from "@/lib/festival/money";
import { ActionForm } from "@/components/forms/action-form";
import { EntryTable } from "./entry-table";
import { withdrawEntryAction } from "./actions";

export const metadata: Metadata = { title: "Your entries" };

export default async function EntriesPage() {
  const user = await requireUser();
  const season = await getCurrentSeason();
  if (!season) {
    return (
      <section className="panel" aria-labelledby="entries-title">
        <h1 id="entries-title">Your entries</h1>
        <p>There is no festival season open for entries yet.</p>
      </section>
    );
  }
  const entries = await listEntrantEntries(prisma, user.id, season.id);
  const open = entriesAreOpen(season) || can(user, "festival.manage");
  const totals = feeTotals(entries);
  return (
    <section className="panel wide" aria-labelledby="entries-title">
      <h1 id="entries-title">Your entries for the {season.name} festival</h1>
      <p className="lead">
        {open
          ? `You can change or withdraw your entries until ${formatInstant(season.entriesCloseAt)} (then ask the organizers)`
          : new Date() < season.entriesOpenAt
            ? `Entries open on ${formatInstant(season.entriesOpenAt)}.`
            : `Entries closed on ${formatInstant(season.entriesCloseAt)}: you can read your entries; ask the organizers for any change.`}
      </p>
      <p className="actions-row">
        {open && (
          <Link className="button" href="/entries/new">
            New entry
          </Link>
        )}
        <Link href="/entries/people">Your people</Link>
        {user.roles.includes("teacher") && <Link href="/entries/students">Your students&apos; entries</Link>}
      </p>
      {entries.length === 0 ? (
        <p>You have no entries yet.</p>
      ) : (
        <EntryTable
          entries={entries}
          caption="Your entries"
          actions={
            open
              ? (e) =>
                  e.status === "withdrawn" ? null : (
                    <div className="actions-row">
                      <Link href={`/entries/${encodeURIComponent(e.id)}/edit`} aria-label={`Edit the entry in class ${e.festivalClass.number}${e.festivalClass.suffix}`}>
                        Edit
                      </Link>
                      <ActionForm action={withdrawEntryAction} hidden={{ entryId: e.id }} submitLabel="Withdraw" pendingLabel="Withdrawing…" danger />
                    </div>
                  )
              : undefined
          }
        />
      )}
      <dl className="details fee-totals">
        <div>
          <dt>Fees of submitted entries</dt>
          <dd data-testid="fees-total">{formatCents(totals.fees)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{formatCents(totals.paid)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd data-testid="fees-due">{formatCents(totals.due)}</dd>
        </div>
      </dl>
    </section>
  );
}
