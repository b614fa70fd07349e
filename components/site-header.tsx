import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span aria-hidden="true">♪</span> Music Festival Organizer
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href="/">Home</Link>
            </li>
            <li>
              <Link href="/account">Account</Link>
            </li>
            {can(user, "admin.access") && (
              <li>
                <Link href="/admin">Admin</Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="session-box">
          {user ? (
            <>
              <span className="session-email" title="Signed in as">
                {user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="button button-quiet">
                Sign in
              </Link>
              <Link href="/sign-up" className="button">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
