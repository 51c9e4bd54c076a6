import { Badge } from "@/components/ui/badge";

const STATUS: Record<number, { label: string; tone: "warning" | "success" | "danger" }> = {
  0: { label: "Creating", tone: "warning" },
  1: { label: "Usable", tone: "success" },
  2: { label: "Failed", tone: "danger" },
};

/** CPH reports image status as a number: 0 creating, 1 usable (PRODUCTION), 2 creation failed. */
export function PhoneStatus({ status }: { status: number }) {
  const s = STATUS[status] ?? { label: `Unknown (${status})`, tone: "warning" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
