import { requireUser } from "@/lib/auth/guards";

// The server's own check, whatever the middleware did or did not do.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  await requireUser("/account");
  return children;
}
