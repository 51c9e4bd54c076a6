"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action";
import { unshareMembersAction } from "../actions";

/** One click that removes one member of an IMS image, through the same action as the image page's Remove. */
export function StopSharing({ imageId, target }: { imageId: string; target: string }) {
  const t = useTranslations("images.outside");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  if (result?.ok) return <span className="font-medium">{t("stopped")}</span>;
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () =>
            setResult(await unshareMembersAction(null, { imageId, memberIds: [target], all: false, confirmName: "" })),
          )
        }
      >
        {pending ? t("stopping") : t("stop")}
      </Button>
      {result && !result.ok && <span className="text-destructive">{result.error.message}</span>}
    </>
  );
}
