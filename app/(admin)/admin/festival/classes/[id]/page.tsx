import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { getClass } from "@/lib/festival/classes";
import { lookupOptions } from "@/lib/festival/lookups";
import { classCode } from "@/lib/festival/names";
import { classFormValues } from "@/lib/festival/units";
import { ActionForm } from "@/components/forms/action-form";
import { deleteClassAction, updateClassAction } from "../../actions";
import { ClassForm } from "../class-form";
import { FestivalNav } from "../../festival-nav";

export const metadata: Metadata = { title: "Class · Admin" };

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requireAdmin("festival.read");
  const [festivalClass, lookups] = await Promise.all([getClass(prisma, id), lookupOptions(prisma)]);
  if (!festivalClass) notFound();
  const code = classCode(festivalClass);
  const values = classFormValues(festivalClass);
  const entries = festivalClass._count.entries;
  const name = (options: { value: string; label: string }[], value: string) => options.find((o) => o.value === value)?.label ?? "—";
  const rows: [string, string][] = [
    ["Discipline", name(lookups.disciplines, values.disciplineId)],
    ["Level", name(lookups.levels, values.levelId)],
    ["Performance type", name(lookups.performanceTypes, values.performanceTypeId)],
    ["Fee", `$${values.fee}`],
    ["Ages", [values.minAge && `from ${values.minAge}`, values.maxAge && `up to ${values.maxAge}`].filter(Boolean).join(" ") || "Any"],
    ["Maximum performance time", values.maxPerformanceTime || "No limit"],
    ["Adjudication / move time", `${values.adjudicationTime} / ${values.moveTime}`],
    ["Test pieces", values.testPieces || "Own choice"],
    ["Description", values.description || "—"],
  ];
  return (
    <section className="panel" aria-labelledby="class-title">
      <FestivalNav />
      <p>
        <Link href={`/admin/festival/classes?season=${festivalClass.season.id}`}>All classes of {festivalClass.season.name}</Link>
      </p>
      <h1 id="class-title">
        Class {code} {festivalClass.name}
      </h1>
      <p>
        {entries} {entries === 1 ? "entry" : "entries"}.
      </p>
      {can(me, "festival.manage") ? (
        <>
          <ClassForm action={updateClassAction} hidden={{ classId: festivalClass.id }} initial={values} lookups={lookups} submitLabel="Save class" />
          <h2>Delete</h2>
          {entries > 0 ? (
            <p>A class with entries cannot be deleted.</p>
          ) : (
            <ActionForm action={deleteClassAction} hidden={{ classId: festivalClass.id }} submitLabel={`Delete class ${code}`} pendingLabel="Deleting…" danger />
          )}
        </>
      ) : (
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
