import Form from "next/form";
import Link from "next/link";
import { ImageTypeSelect } from "@/components/image-type-select";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import type { InboxQuery } from "@/lib/inbox/list";

const selectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm";

/** A GET form: the inbox's filters live in the URL. */
export function InboxFilters({ query }: { query: InboxQuery }) {
  const filtered = Boolean(query.q || query.owner || query.type || query.age);
  // Next's Form navigates in the app, and the key (the URL's filter) remounts the uncontrolled fields
  // whenever the URL changes, Back and Forward included, so the form always shows the list's filter.
  return (
    <Form
      key={JSON.stringify(query)}
      action="/incoming"
      role="search"
      aria-label="Filter shared images"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="tab" value={query.tab} />
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <Label htmlFor="q">Search</Label>
        <Input id="q" name="q" type="search" placeholder="Name or image id" defaultValue={query.q} />
      </div>
      <div className="flex min-w-48 flex-col gap-1">
        <Label htmlFor="owner">Owner project</Label>
        <Input
          id="owner"
          name="owner"
          placeholder="32-character project id"
          defaultValue={query.owner}
          className="font-mono text-xs"
        />
      </div>
      <ImageTypeSelect value={query.type} />
      <div className="flex flex-col gap-1">
        <Label htmlFor="age">Shared</Label>
        <select id="age" name="age" defaultValue={query.age ?? ""} className={selectClass}>
          <option value="">Any time</option>
          <option value="1">Over a day ago</option>
          <option value="7">Over a week ago</option>
          <option value="30">Over 30 days ago</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {filtered && (
        <Button asChild variant="ghost">
          <Link href={`/incoming?tab=${query.tab}`}>Clear filters</Link>
        </Button>
      )}
    </Form>
  );
}
