import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { entriesAreOpen, getCurrentSeason } from "@/lib/festival/current-season";
import { getEntryToChange } from "@/lib/festival/entries";
import { entryFormOptions } from "@/lib/festival/entry-form-options";
import { classCode } from "@/lib/festival/names";
import { formatDuration } from "@/lib/festival/durations";
import { formatInstant } from "@/lib/festival/dates";
import { EntryForm } from "../../entry-form";

export const metadata: Metadata = { title: "Change an entry" };

export default async function EditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const organizer = can(user, "festival.manage");
  const [entry, season] = await Promise.all([getEntryToChange(prisma, { userId: user.id, email: user.email, canManage: organizer }, id), getCurrentSeason()]);
  if (!entry) notFound();
  const code = classCode(entry.festivalClass);
  const current = season?.id === entry.seasonId ? season : null;
  const open = current && (entriesAreOpen(current) || organizer);
  const someoneElses = entry.account?.id !== user.id;
  let reason: string | null = null;
  if (entry.status === "withdrawn") reason = "This entry was withdrawn.";
  else if (!current) reason = "This entry belongs to a past season.";
  else if (!open) reason = `Entries closed on ${formatInstant(current.entriesCloseAt)}: you can read your entries; ask the organizers for any change.`;
  return (
    <section className="panel" aria-labelledby="edit-entry-title">
      <p>{someoneElses ? <Link href="/admin/festival/entries">← All entries</Link> : <Link href="/entries">← Your entries</Link>}</p>
      <h1 id="edit-entry-title">
        Entry in class {code} {entry.festivalClass.name}
      </h1>
      {someoneElses ? <p className="notice">You are changing the entry of {entry.account?.email ?? "a deleted account"} as an organizer; the change is audited.</p> : null}
      {reason || !current ? (
        <p role="status">{reason}</p>
      ) : (
        <EntryForm
          {...await entryFormOptions(prisma, user.id, current.id, {
            performers: entry.performers.map((p) => p.profile),
            accompanist: entry.accompanist,
            teacher: entry.teacher,
          })}
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
