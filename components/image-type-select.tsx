import { Label } from "@/components/ui/input";

/** The image-type filter shared by the lists: system disk, data disk, full-ECS. */
export function ImageTypeSelect({ value }: { value?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor="type">Type</Label>
      <select
        id="type"
        name="type"
        defaultValue={value ?? ""}
        className="h-9 rounded-md border border-input bg-background px-2 text-sm"
      >
        <option value="">All types</option>
        <option value="system">System disk</option>
        <option value="data">Data disk</option>
        <option value="whole">Full-ECS</option>
      </select>
    </div>
  );
}
