import { TableSkeleton } from "@/components/table-skeleton";

export default function Loading() {
  return <TableSkeleton rows={6} label="Loading batches" />;
}
