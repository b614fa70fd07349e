import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { festivalTimeZone } from "@/lib/festival/dates";
import { listAdjudicators } from "@/lib/festival/schedule-data";
import { clockTime, dayKey, sittingLabel } from "@/lib/festival/schedule-time";
import { schedulePage } from "@/lib/festival/schedule-action";
import { SittingForm } from "../../schedule-forms";
import { saveSittingAction } from "../../actions";

export const metadata: Metadata = { title: "Edit session · Admin" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSittingPage({ params }: Props) {
  const { id } = await params;
  await requireAdmin("festival.manage");
  const sitting = await prisma.sitting.findUnique({ where: { id }, include: { venue: { select: { name: true } } } });
  if (!sitting) notFound();
  const [venues, adjudicators] = await Promise.all([
    prisma.venue.findMany({ where: { seasonId: sitting.seasonId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    listAdjudicators(prisma),
  ]);
  const label = sittingLabel(sitting.venue.name, sitting.startsAt, sitting.endsAt);
  return (
    <section className="panel" aria-labelledby="sitting-title">
      <p>
        <Link href={schedulePage(sitting.seasonId)}>Back to the schedule</Link>
      </p>
      <h1 id="sitting-title">Edit session {label}</h1>
      <SittingForm
        action={saveSittingAction}
        seasonId={sitting.seasonId}
        sittingId={sitting.id}
        initial={{
          venueId: sitting.venueId,
          date: dayKey(sitting.startsAt),
          startTime: clockTime(sitting.startsAt),
          endTime: clockTime(sitting.endsAt),
          adjudicatorId: sitting.adjudicatorId ?? "",
          name: sitting.name,
        }}
        venues={venues.map((v) => ({ value: v.id, label: v.name }))}
        adjudicators={adjudicators.map((a) => ({ value: a.id, label: a.name }))}
        timeZone={festivalTimeZone()}
        submitLabel="Save session"
      />
    </section>
  );
}
