import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { listManagedProfiles, type ManagedProfile } from "@/lib/festival/profiles";
import { formatCalendarDate } from "@/lib/festival/dates";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { RELATIONSHIPS, type Relationship } from "@/lib/validation/entries";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your people" };

function formValues(p: ManagedProfile) {
  return {
    kind: p.kind,
    relationship: p.relationship,
    name: p.name,
    birthDate: p.birthDate ? p.birthDate.toISOString().slice(0, 10) : "",
    email: p.email ?? "",
    phone: p.phone ?? "",
    address: p.address ?? "",
    school: p.school?.name ?? "",
    contactName: p.contactName ?? "",
    membersCount: p.membersCount ? String(p.membersCount) : "",
  };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const people = await listManagedProfiles(prisma, user.id);
  const editId = param(params, "edit");
  const editing = editId ? people.find((p) => p.id === editId) : undefined;
  if (editId && !editing) notFound();
  const relationship = param(params, "relationship");
  const hasSelf = people.some((p) => p.relationship === "self");
  return (
    <>
      <section className="panel wide" aria-labelledby="people-title">
        <p>
          <Link href="/entries">← Your entries</Link>
        </p>
        <h1 id="people-title">Your people</h1>
        <p className="lead">The people and groups you enter: yourself, your children, your students, a group. Only you and the organizers see their birth dates and contacts.</p>
        {people.length === 0 ? (
          <p>No one yet: add the first below.</p>
        ) : (
          <ul className="role-list" aria-label="People you manage">
            {people.map((p) => (
              <li key={p.id} className="card">
                <strong>{p.name}</strong> <span className="tag">{RELATIONSHIPS[p.relationship as Relationship] ?? p.relationship}</span>
                {p.kind === "group" && <span className="muted"> · group{p.membersCount ? ` of ${p.membersCount}` : ""}</span>}
                {p.birthDate && <span className="muted"> · born {formatCalendarDate(p.birthDate)}</span>}
                {p.school && <span className="muted"> · {p.school.name}</span>}
                {p.teacher && <span className="muted"> · teacher {p.teacher.name}</span>}{" "}
                <Link href={`/entries/people?edit=${encodeURIComponent(p.id)}`} aria-label={`Edit ${p.name}`}>
                  Edit
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="person-form-title">
        {editing ? (
          <>
            <h2 id="person-form-title">Edit {editing.name}</h2>
            <ProfileForm key={editing.id} profileId={editing.id} initial={formValues(editing)} submitLabel="Save" />
          </>
        ) : (
          <>
            <h2 id="person-form-title">Add a person or group</h2>
            <ProfileForm
              key="new"
              initial={{ relationship: relationship && relationship in RELATIONSHIPS ? relationship : hasSelf ? "guardian" : "self" }}
              submitLabel="Add"
            />
          </>
        )}
      </section>
    </>
  );
}
