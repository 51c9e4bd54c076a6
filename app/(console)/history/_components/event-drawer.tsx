"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";

/** The detail drawer: open while `?event=` is in the URL; closing it goes back to the list's URL. */
export function EventDrawer({
  title,
  description,
  closeHref,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  closeHref: string;
  children: ReactNode;
}) {
  const router = useRouter();
  return (
    <Dialog open onOpenChange={(open) => !open && router.replace(closeHref, { scroll: false })}>
      <DialogContent
        title={title}
        description={description}
        className="top-0 right-0 left-auto h-dvh max-h-none w-[min(42rem,100vw)] translate-x-0 rounded-none border-y-0 border-r-0"
      >
        {children}
      </DialogContent>
    </Dialog>
  );
}
