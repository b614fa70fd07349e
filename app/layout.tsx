import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { FlashMessage } from "@/components/flash-message";
import { SESSION_HINT_SCRIPT } from "@/lib/session-hint/script";

export const metadata: Metadata = {
  title: { default: "Music Festival Organizer", template: "%s · Music Festival Organizer" },
  description: "Register for the music festival, manage your account, and for organizers, run it.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4c1d95" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // suppressHydrationWarning: the inline script below sets data-session on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before the first paint: which variant of the header's session controls to show. Allowed by hash. */}
        <script dangerouslySetInnerHTML={{ __html: SESSION_HINT_SCRIPT }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <FlashMessage />
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Music Festival Organizer · a community music festival</p>
        </footer>
      </body>
    </html>
  );
}
