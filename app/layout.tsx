import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Imshare", template: "%s · Imshare" },
  description: "Share Huawei Cloud machine images between projects and accounts.",
};

/** The theme comes from a cookie so the first paint is right; "system" follows the OS. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = (await cookies()).get("theme")?.value;
  const className = theme === "dark" || theme === "light" ? theme : undefined;
  return (
    <html lang="en" className={className}>
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
