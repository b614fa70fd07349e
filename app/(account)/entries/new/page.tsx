import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { entriesAreOpen, getCurrentSeason } from "@/lib/festival/current-season";
import { entryFormOptions } from "@/lib/festival/entry-form-options";
import { formatInstant } from "@/lib/festival/dates";
import { EntryForm } from "../entry-form";

export const metadata: Metadata = { title: "New entry" };

export default async function NewEntryPage() {
  const user = await requireUser();
  const season = await getCurrentSeason();
  const open = season && (entriesAreOpen(season) || can(user, "festival.manage"));
  return (
    <section className="panel" aria-labelledby="new-entry-title">
      <p>
        <Link href="/entries">← Your entries</Link>
      </p>
      <h1 id="new-entry-title">New entry{season ? ` for the ${season.name} festival` : ""}</h1>
      {!season && <p>There is no festival season open for entries yet.</p>}
      {season && !open && (
        <p role="status">
          Entries are not open: they {new Date() < season.entriesOpenAt ? `open on ${formatInstant(season.entriesOpenAt)}` : `closed on ${formatInstant(season.entriesCloseAt)}`}.
        </p>
      )}
      {season && open && <NewEntryForm userId={user.id} seasonId={season.id} />}
    </section>
  );
}

async function NewEntryForm({ userId, seasonId }: { userId: string; seasonId: string }) {
  const options = await entryFormOptions(prisma, userId, seasonId);
  return (
    <>
      <p className="lead">
        Enter people you manage (<Link href="/entries/people">add or change them</Link>).
      </p>
      <EntryForm
        {...options}
        initial={{ intent: "submit", classCode: "", performers: [], accompanistId: "", teacherId: "", pieces: [], notes: "" }}
      />
    </>
  );
}
