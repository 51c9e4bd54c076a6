import { Ban, CircleCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** Whether an image can be shared, and if not, why: the short label shows, the full reason is read out. */
export function ShareBadge({ blocker }: { blocker?: { code: string; reason: string } }) {
  if (!blocker) {
    return (
      <Badge tone="success">
        <CircleCheck aria-hidden className="size-3" />
        Shareable
      </Badge>
    );
  }
  const label = blocker.reason.split(":")[0];
  return (
    <Badge tone="danger" title={`${blocker.reason} (${blocker.code})`}>
      <Ban aria-hidden className="size-3" />
      {label}
      <span className="sr-only">: {blocker.reason.slice(label.length + 1)}</span>
    </Badge>
  );
}
