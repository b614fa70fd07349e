import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { FlashMessage } from "@/components/flash-message";

export const metadata: Metadata = {
  title: { default: "Music Festival Organizer", template: "%s · Music Festival Organizer" },
  description: "Register for the music festival, manage your account, and for organizers, run it.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4c1d95" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
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
