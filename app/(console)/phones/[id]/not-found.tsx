import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function PhoneImageNotFound() {
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-lg border border-dashed border-border bg-card p-8 text-center">
      <h1 className="font-semibold">This phone image is not among this project&apos;s images</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        It may have been deleted, or it belongs to another project. Switch project or go back to the list.
      </p>
      <Button asChild variant="secondary" className="mt-4">
        <Link href="/phones">Phone images</Link>
      </Button>
    </div>
  );
}
