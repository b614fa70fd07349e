import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { getCurrentSeason } from "@/lib/festival/current-season";
import { listTeacherEntries } from "@/lib/festival/entries";
import { selfProfileId } from "@/lib/festival/profiles";
import { EntryTable } from "../entry-table";

export const metadata: Metadata = { title: "Your students' entries" };

// Read-only: a teacher sees the entries that name their own profile as teacher, whoever entered them.
export default async function StudentsPage() {
  const user = await requireUser();
  const [season, self] = await Promise.all([getCurrentSeason(), selfProfileId(prisma, user.id)]);
  const entries = season && self ? await listTeacherEntries(prisma, user.id, season.id) : [];
  return (
    <section className="panel wide" aria-labelledby="students-title">
      <p>
        <Link href="/entries">← Your entries</Link>
      </p>
      <h1 id="students-title">Your students&apos; entries</h1>
      <p className="lead">
        Entries that name you as teacher. To enter your own students, <Link href="/entries/people?relationship=teacher">add them to your people</Link>, then make a{" "}
        <Link href="/entries/new">new entry</Link>.
      </p>
      {!self && (
        <p>
          Entrants name you through your own profile: <Link href="/entries/people?relationship=self">add yourself</Link> first, and hold the teacher role (on your account page).
        </p>
      )}
      {!season && <p>There is no festival season open for entries yet.</p>}
      {season && self && (entries.length ? <EntryTable entries={entries} caption="Entries naming you as teacher" /> : <p>No entry names you as teacher yet.</p>)}
    </section>
  );
}
