import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { lookupOptions } from "@/lib/festival/lookups";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { createClassAction } from "../../actions";
import { ClassForm } from "../class-form";
import { FestivalNav } from "../../festival-nav";

export const metadata: Metadata = { title: "New class · Admin" };

export default async function NewClassPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("festival.manage");
  const seasonParam = param(await searchParams, "season");
  const [season, lookups] = await Promise.all([
    prisma.season.findFirst({ where: seasonParam ? { id: seasonParam } : { isCurrent: true }, select: { id: true, name: true } }),
    lookupOptions(prisma),
  ]);
  return (
    <section className="panel" aria-labelledby="new-class-title">
      <FestivalNav />
      <h1 id="new-class-title">New class{season ? ` in ${season.name}` : ""}</h1>
      {season ? (
        <ClassForm action={createClassAction} hidden={{ seasonId: season.id }} initial={{ adjudicationTime: "0:00", moveTime: "0:00" }} lookups={lookups} submitLabel="Create class" />
      ) : (
        <p>
          No such season: <Link href="/admin/festival">choose or create one</Link>.
        </p>
      )}
    </section>
  );
}
