import Link from "next/link";

export default function EventNotFound() {
  return (
    <div className="rounded-lg border border-border bg-card p-10 text-center">
      <p className="font-medium">This event does not exist, or it belongs to another account or project.</p>
      <Link href="/history" className="mt-2 inline-block text-sm text-primary hover:underline">
        Back to History
      </Link>
    </div>
  );
}
