import { renderIntl } from "@/test/intl";
import { describe, expect, it } from "vitest";
import { TD, TH } from "@/components/ui/table";
import { SelectableTable } from "./selection";
import { toggled, useSelection } from "./use-selection";

interface Row {
  id: string;
  name: string;
  blocked?: boolean;
}

const ROWS: Row[] = [
  { id: "1", name: "app-01" },
  { id: "2", name: "app-02", blocked: true },
];

function Harness({ canChange, actions }: { canChange: boolean; actions?: boolean }) {
  const selection = useSelection();
  return (
    <SelectableTable
      rows={ROWS}
      selection={selection}
      canChange={canChange}
      caption="Images"
      selectAllLabel="Select every image"
      rowLabel={(r) => r.name}
      isDisabled={(r) => Boolean(r.blocked)}
      head={<TH>Name</TH>}
      cells={(r) => <TD>{r.name}</TD>}
      actions={actions ? (r) => <button type="button">Remove {r.name}</button> : undefined}
    />
  );
}

describe("SelectableTable", () => {
  it("names the select-all and every row's checkbox, and disables the rows that cannot be chosen", () => {
    const html = renderIntl(<Harness canChange actions />);
    expect(html).toContain('aria-label="Select every image"');
    expect(html).toMatch(/<input type="checkbox"[^>]*aria-label="Select app-01"(?![^>]*disabled)[^>]*>/);
    expect(html).toMatch(/<input type="checkbox"[^>]*aria-label="Select app-02"[^>]*disabled=""/);
    expect(html).toContain('<span class="sr-only">Actions</span>');
    expect(html).toContain("Remove app-02");
  });

  it("has no checkbox and no actions column for a user who may not change the rows", () => {
    const html = renderIntl(<Harness canChange={false} actions />);
    expect(html).not.toContain("checkbox");
    expect(html).not.toContain("Actions");
    expect(html).not.toContain("Remove");
  });

  it("has no actions column where the table has no actions", () => {
    expect(renderIntl(<Harness canChange />)).not.toContain("Actions");
  });
});

describe("toggled", () => {
  it("checks or unchecks this page's rows and leaves those of other pages chosen", () => {
    const other = new Set(["p1-a", "p1-b"]);
    const withPage = toggled(other, ["p2-a", "p2-b"], true);
    expect([...withPage]).toEqual(["p1-a", "p1-b", "p2-a", "p2-b"]);
    expect([...toggled(withPage, ["p2-a", "p2-b"], false)]).toEqual(["p1-a", "p1-b"]);
  });
});
