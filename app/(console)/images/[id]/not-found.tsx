import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function ImageNotFound() {
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-lg border border-border bg-card p-6">
      <h1 className="font-semibold">Image not found</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        This image does not exist, was deleted, or is not owned by the current project. Images shared with this project
        are listed under Incoming.
      </p>
      <Button asChild variant="secondary" className="mt-4">
        <Link href="/images">Back to images</Link>
      </Button>
    </div>
  );
}
