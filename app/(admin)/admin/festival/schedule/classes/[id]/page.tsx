import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { loadSchedule } from "@/lib/festival/schedule-data";
import { formatDuration } from "@/lib/festival/units";
import { formatPlanned } from "@/lib/festival/schedule-time";
import { schedulePage } from "@/lib/festival/schedule-action";
import { ActionForm } from "@/components/forms/action-form";
import { moveEntryAction } from "../../actions";

export const metadata: Metadata = { title: "Running order · Admin" };

type Props = { params: Promise<{ id: string }> };

/** A class's running order: its performing entries, moved up or down one place at a time. */
export default async function ClassOrderPage({ params }: Props) {
  const { id } = await params;
  const me = await requireAdmin("festival.read");
  const owner = await prisma.festivalClass.findUnique({ where: { id }, select: { seasonId: true } });
  if (!owner) notFound();
  const data = await loadSchedule(prisma, owner.seasonId);
  const found = data?.classes.find((c) => c.id === id);
  if (!data || !found) notFound();
  const manage = can(me, "festival.manage");
  const sitting = data.sittings.find((s) => s.id === found.sittingId);
  return (
    <section className="panel wide" aria-labelledby="order-title">
      <p>
        <Link href={schedulePage(data.season.id)}>Back to the schedule</Link>
      </p>
      <h1 id="order-title">
        Running order of {found.code} {found.name}
      </h1>
      <p>
        {sitting ? `In ${sitting.label}.` : "Not on the schedule yet."} {found.entries.length} performing {found.entries.length === 1 ? "entry" : "entries"}, planned{" "}
        {formatPlanned(found.plannedSeconds)}.
      </p>
      {found.entries.length === 0 ? (
        <p>No submitted entries.</p>
      ) : (
        <ol className="stack">
          {found.entries.map((e, i) => {
            const who = e.performers.map((p) => p.name).join(", ");
            return (
              <li key={e.id}>
                {who}
                {e.accompanist ? ` (accompanist ${e.accompanist.name})` : ""} · {formatDuration(e.pieceSeconds)}
                {manage && (
                  <>
                    {i > 0 && (
                      <ActionForm action={moveEntryAction} hidden={{ seasonId: data.season.id, classId: id, entryId: e.id, direction: "up" }} submitLabel={`Move ${who} up`} pendingLabel="Moving…" />
                    )}
                    {i < found.entries.length - 1 && (
                      <ActionForm action={moveEntryAction} hidden={{ seasonId: data.season.id, classId: id, entryId: e.id, direction: "down" }} submitLabel={`Move ${who} down`} pendingLabel="Moving…" />
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
