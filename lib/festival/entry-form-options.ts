import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { classCode } from "./names";
import { listManagedProfiles, registeredProfiles } from "./profiles";

type Option = { id: string; name: string };

function union(a: Option[], b: Option[]): Option[] {
  const seen = new Set(a.map((o) => o.id));
  return [...a, ...b.filter((o) => !seen.has(o.id))];
}

/**
 * What the entry form offers: the season's classes, the account's people as performers, and as
 * accompanist or teacher its own people or anyone registered in that role (names only). Editing, the
 * people the entry already names are offered too (a partner family's child in a duet stays in it).
 */
export async function entryFormOptions(db: PrismaClient, userId: string, seasonId: string, named: { performers?: Option[]; accompanist?: Option | null; teacher?: Option | null } = {}) {
  const [classes, people, accompanists, teachers] = await Promise.all([
    db.festivalClass.findMany({
      where: { seasonId },
      orderBy: [{ number: "asc" }, { suffix: "asc" }],
      select: { number: true, suffix: true, name: true },
    }),
    listManagedProfiles(db, userId),
    registeredProfiles(db, "accompanist"),
    registeredProfiles(db, "teacher"),
  ]);
  const own = people.map((p) => ({ id: p.id, name: p.name }));
  const kept = (o: Option | null | undefined) => (o ? [o] : []);
  return {
    classes: classes.map((c) => `${classCode(c)} ${c.name}`),
    people: union(own, named.performers ?? []),
    accompanists: union(union(own, accompanists), kept(named.accompanist)),
    teachers: union(union(own, teachers), kept(named.teacher)),
  };
}
