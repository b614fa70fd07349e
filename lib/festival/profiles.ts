import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { RuleError } from "@/lib/auth/actor";
import { normaliseName } from "./names";
import type { ProfileInput } from "@/lib/validation/entries";

// The people an account manages: its own profile, a guardian's children, a teacher's students, a
// group's contact. Every query here is scoped by the account (ProfileManager), so another account's
// profile id is "not found" and nothing changes. Birth dates and contacts leave this module only for
// the accounts that manage the profile.


export const PROFILE_NOT_FOUND = "That person or group is not among the people you manage.";

/** Every profile the account manages, with the details only its managers see. */
export async function listManagedProfiles(db: Db, userId: string) {
  const rows = await db.profileManager.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }],
    select: {
      relationship: true,
      profile: {
        select: {
          id: true,
          kind: true,
          name: true,
          birthDate: true,
          email: true,
          phone: true,
          address: true,
          contactName: true,
          membersCount: true,
          school: { select: { name: true } },
          teacher: { select: { name: true } },
        },
      },
    },
  });
  return rows.map((r) => ({ ...r.profile, relationship: r.relationship }));
}
export type ManagedProfile = Awaited<ReturnType<typeof listManagedProfiles>>[number];

export async function getManagedProfile(db: Db, userId: string, profileId: string): Promise<ManagedProfile | null> {
  return (await listManagedProfiles(db, userId)).find((p) => p.id === profileId) ?? null;
}

/** The account's own (self) profile id, if it has made one: entries name it as teacher. */
export async function selfProfileId(db: Db, userId: string): Promise<string | null> {
  const row = await db.profileManager.findFirst({ where: { userId, relationship: "self" }, select: { profileId: true } });
  return row?.profileId ?? null;
}

/**
 * Teachers or accompanists with an account (their own profile, held by a user with that festival role):
 * entrants may name them on an entry. Names only: nothing private.
 */
export async function registeredProfiles(db: Db, role: "teacher" | "accompanist") {
  const rows = await db.profileManager.findMany({
    where: { relationship: "self", user: { active: true, roles: { some: { role: { name: role } } } } },
    select: { profile: { select: { id: true, name: true } } },
    orderBy: { profile: { nameKey: "asc" } },
    take: 500,
  });
  return rows.map((r) => r.profile);
}

async function schoolId(tx: Db, name: string | null): Promise<string | null> {
  if (!name) return null;
  const nameKey = normaliseName(name);
  if (!nameKey) return null;
  const school = await tx.school.upsert({ where: { nameKey }, create: { name, nameKey }, update: {}, select: { id: true } });
  return school.id;
}

function profileData(input: ProfileInput) {
  const person = input.kind === "person";
  return {
    kind: input.kind,
    name: input.name,
    nameKey: normaliseName(input.name),
    birthDate: person ? input.birthDate : null,
    email: input.email,
    phone: input.phone,
    address: input.address,
    contactName: person ? null : input.contactName,
    membersCount: person ? null : input.membersCount,
  };
}

/** Adds a person or group the account manages; a teacher's student names the teacher's own profile. */
export async function createProfile(db: PrismaClient, userId: string, input: ProfileInput): Promise<string> {
  return db.$transaction(async (tx) => {
    const self = await selfProfileId(tx, userId);
    if (input.relationship === "self" && self) throw new RuleError("You already have your own profile; edit it instead.", "invalid");
    const profile = await tx.profile.create({
      data: {
        ...profileData(input),
        schoolId: await schoolId(tx, input.school),
        teacherId: input.relationship === "teacher" ? self : null,
        createdById: userId,
        managers: { create: { userId, relationship: input.relationship } },
      },
      select: { id: true },
    });
    return profile.id;
  });
}

/** Changes a profile the account manages; any other id is not found and nothing changes. */
export async function updateProfile(db: PrismaClient, userId: string, profileId: string, input: ProfileInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const link = await tx.profileManager.findUnique({ where: { userId_profileId: { userId, profileId } }, select: { relationship: true } });
    if (!link) throw new RuleError(PROFILE_NOT_FOUND, "not_found");
    if (input.relationship !== link.relationship) {
      if (input.relationship === "self" && (await selfProfileId(tx, userId))) {
        throw new RuleError("You already have your own profile.", "invalid");
      }
      await tx.profileManager.update({ where: { userId_profileId: { userId, profileId } }, data: { relationship: input.relationship } });
    }
    await tx.profile.update({ where: { id: profileId }, data: { ...profileData(input), schoolId: await schoolId(tx, input.school) } });
  });
}
