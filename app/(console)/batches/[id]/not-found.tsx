import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function BatchNotFound() {
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-lg border border-border bg-card p-6">
      <h1 className="font-semibold">Batch not found</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        This batch does not exist, or it was launched in another project or account. Batches are listed in the project
        they were launched in.
      </p>
      <Button asChild variant="secondary" className="mt-4">
        <Link href="/batches">Back to batches</Link>
      </Button>
    </div>
  );
}
