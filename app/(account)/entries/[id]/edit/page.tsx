import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { entriesAreOpen, getCurrentSeason } from "@/lib/festival/current-season";
import { getEntrantEntry } from "@/lib/festival/entries";
import { entryFormOptions } from "@/lib/festival/entry-form-options";
import { classCode } from "@/lib/festival/names";
import { formatDuration } from "@/lib/festival/durations";
import { formatInstant } from "@/lib/festival/dates";
import { EntryForm } from "../../entry-form";

export const metadata: Metadata = { title: "Change an entry" };

export default async function EditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/entries/${encodeURIComponent(id)}/edit`);
  const [entry, season] = await Promise.all([getEntrantEntry(prisma, user.id, id), getCurrentSeason()]);
  if (!entry) notFound();
  const code = classCode(entry.festivalClass);
  const current = season?.id === entry.seasonId ? season : null;
  const open = current && (entriesAreOpen(current) || can(user, "festival.manage"));
  let reason: string | null = null;
  if (entry.status === "withdrawn") reason = "This entry was withdrawn.";
  else if (!current) reason = "This entry belongs to a past season.";
  else if (!open) reason = `Entries closed on ${formatInstant(current.entriesCloseAt)}: you can read your entries; ask the organizers for any change.`;
  return (
    <section className="panel" aria-labelledby="edit-entry-title">
      <p>
        <Link href="/entries">← Your entries</Link>
      </p>
      <h1 id="edit-entry-title">
        Entry in class {code} {entry.festivalClass.name}
      </h1>
      {reason || !current ? (
        <p role="status">{reason}</p>
      ) : (
        <EntryForm
          {...await entryFormOptions(prisma, user.id, current.id)}
          entryId={entry.id}
          submitted={entry.status === "submitted"}
          initial={{
            intent: "submit",
            classCode: code,
            performers: entry.performers.map((p) => p.profile.id),
            accompanistId: entry.accompanist?.id ?? "",
            teacherId: entry.teacher?.id ?? "",
            pieces: [
              ...entry.pieces.map((p) => ({ title: p.piece.title, composer: p.piece.composer, duration: formatDuration(p.durationSeconds) })),
              { title: "", composer: "", duration: "" },
            ],
            notes: entry.notes,
          }}
        />
      )}
    </section>
  );
}
