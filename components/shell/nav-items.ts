export const NAV_ITEMS = [
  { href: "/images", label: "Images", hint: "IMS private images you own" },
  { href: "/phones", label: "Phone images", hint: "CPH cloud-phone images" },
  { href: "/incoming", label: "Incoming", hint: "Images shared with this project" },
  { href: "/batches", label: "Batches", hint: "Bulk shares and their jobs" },
  { href: "/history", label: "History", hint: "Every change, who and when" },
  { href: "/names", label: "Address book", hint: "Names for project and account ids" },
] as const;
