import { EmptyState } from "./empty-state";

/** An area of the navigation that is not built yet: says so plainly instead of showing an empty table. */
export function ComingSoon({ area }: { area: string }) {
  return (
    <EmptyState
      title={`${area} is not available in this version yet`}
      hint="It is on its way. Meanwhile, the Images page lists what this project owns."
      className="p-10"
    />
  );
}
