/** The console's areas, in the sidebar's order; each `key` names its label and hint in `shell.nav`. */
export const NAV_ITEMS = [
  { href: "/", key: "overview" },
  { href: "/images", key: "images" },
  { href: "/phones", key: "phones" },
  { href: "/incoming", key: "incoming" },
  { href: "/batches", key: "batches" },
  { href: "/manifests", key: "manifests" },
  { href: "/history", key: "history" },
  { href: "/names", key: "names" },
  { href: "/approvals", key: "approvals" },
  { href: "/settings", key: "settings" },
] as const;
