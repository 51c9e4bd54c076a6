import { Plus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** "New batch", the way to plan one: for users who may change the project. */
export async function NewBatchLink() {
  const t = await getTranslations("batches");
  return (
    <Button asChild>
      <Link href="/batches/new">
        <Plus aria-hidden />
        {t("newBatch")}
      </Link>
    </Button>
  );
}
