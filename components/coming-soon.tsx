/** An area of the navigation that is not built yet: says so plainly instead of showing an empty table. */
export function ComingSoon({ area }: { area: string }) {
  return (
    <div className="rounded-lg border border-dashed border-border bg-card p-10 text-center">
      <p className="font-medium">{area} is not available in this version yet</p>
      <p className="mt-1 text-sm text-muted-foreground">
        It is on its way. Meanwhile, the Images page lists what this project owns.
      </p>
    </div>
  );
}
