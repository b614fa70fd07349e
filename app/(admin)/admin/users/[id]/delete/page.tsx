import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { ActionForm } from "@/components/forms/action-form";
import { deleteUserAction } from "../../actions";

export const metadata: Metadata = { title: "Delete user · Admin" };

// The confirmation step: deleting is a second, deliberate click on its own page.
export default async function DeleteUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin("users.manage");
  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, email: true } });
  if (!user) notFound();
  return (
    <section className="panel" aria-labelledby="delete-title">
      <h1 id="delete-title">Delete {user.email}?</h1>
      <p>The account, its roles and its sign-in records are removed for good. The audit log keeps its events.</p>
      <div className="actions-row">
        <ActionForm action={deleteUserAction} hidden={{ userId: user.id }} submitLabel="Delete this user permanently" pendingLabel="Deleting…" danger />
        <Link href={`/admin/users/${user.id}`}>Cancel</Link>
      </div>
    </section>
  );
}
