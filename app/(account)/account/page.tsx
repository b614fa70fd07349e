import type { Metadata } from "next";
import { AccountView } from "./account-view";

export const metadata: Metadata = { title: "Your account" };

// Prerendered: the HTML is the same for everyone and holds no account data, so it is served like a
// static file. The data comes from GET /api/account, which checks the session against the database
// (lib/auth/guards.ts); every form on the page posts to a server action that checks it again.
export default function AccountPage() {
  return <AccountView />;
}
