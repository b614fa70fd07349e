import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { FestivalRolesForm } from "./festival-roles-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <section className="panel" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <dl className="details">
        <div>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>
            {user.roles.length ? (
              <ul className="tags" aria-label="Your roles">
                {user.roles.map((role) => (
                  <li key={role} className="tag">
                    {role}
                  </li>
                ))}
              </ul>
            ) : (
              "None"
            )}
          </dd>
        </div>
        <div>
          <dt>Member since</dt>
          <dd>
            <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
          </dd>
        </div>
      </dl>
      <FestivalRolesForm />
    </section>
  );
}
