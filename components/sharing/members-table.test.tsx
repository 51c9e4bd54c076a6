import { renderIntl } from "@/test/intl";
import { describe, expect, it } from "vitest";
import { NamesProvider } from "@/components/target-id";
import type { UnshareAction } from "./types";
import { MembersTable, type MemberRow } from "./members-table";

const unshare: UnshareAction = async () => ({
  ok: true,
  data: { imageName: "debian-12-base", results: [], jobIds: [], removedAccepted: 0 },
});
const image = { id: "1b7f0000-0000-4000-8000-000000000001", name: "debian-12-base" };
const DAY = 86_400_000;
const empty = { title: "Not shared yet", hint: "Use Share." };

const ims: MemberRow[] = [
  {
    id: "610be0000000000000000000000000a1",
    name: "globex-prod",
    kind: "project",
    status: "pending",
    sharedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    updatedAt: "2026-11-22T14:05:00Z",
  },
  {
    id: "org-1",
    kind: "organization",
    urn: "organizations::1:ou:o-a/ou-b",
    status: "accepted",
    sharedAt: 0,
    updatedAt: 0,
  },
];
const cph: MemberRow[] = [
  { id: "1417ec000000000000000000000000a1", sharedAt: Date.UTC(2026, 10, 22, 14, 5), updatedAt: 0 },
];

/** The table's text as a wide screen shows it: without the labels of its stacked rows. */
const text = (html: string) =>
  html
    .replace(/<span class="stack-label">[^<]*<\/span>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("MembersTable", () => {
  it("shows type and status where the service has them, and how long a share has been pending", () => {
    const html = renderIntl(
      <MembersTable
        service="ims"
        image={image}
        members={ims}
        columns={["type", "status"]}
        canChange
        unshare={unshare}
        empty={empty}
      />,
    );
    const t = text(html);
    expect(t).toContain("Member Type Status Shared Updated Actions");
    expect(t).toContain("globex-prod 610be0000000000000000000000000a1 Project pending for 3 days");
    expect(html).toContain(`aria-label="Copy ${ims[0].id}"`);
    expect(t).toContain("organizations::1:ou:o-a/ou-b org-1 Organization accepted");
    expect(t).toContain("Nov 22, 2026 14:05 UTC");
    expect(html).toContain('aria-label="Select all members"');
    expect(html).toContain(`aria-label="Select ${ims[0].id}"`);
    expect(html).toContain(`aria-label="Remove ${ims[0].id}"`);
    expect(t).toContain("Remove selected");
    expect(t).toContain("Remove all members");
  });

  it("shows the address book's name first, over the page's, with the id and a copy button", () => {
    const html = renderIntl(
      <NamesProvider names={{ [ims[0].id]: "Globex Singapore", [cph[0].id]: "Initech ML" }}>
        <MembersTable
          service="ims"
          image={image}
          members={[ims[0], ...cph]}
          canChange
          unshare={unshare}
          empty={empty}
        />
      </NamesProvider>,
    );
    const t = text(html);
    expect(t).toContain(`Globex Singapore ${ims[0].id}`);
    expect(t).toContain(`Initech ML ${cph[0].id}`);
    expect(t).not.toContain("globex-prod");
    expect(t).not.toContain("Name it");
    expect(html).toMatch(new RegExp(`<span title="${cph[0].id}" class="[^"]*whitespace-nowrap`));
  });

  it("leaves out the columns a service does not report, and offers to name an unknown member", () => {
    const t = text(
      renderIntl(
        <MembersTable
          service="cph"
          image={image}
          members={cph}
          memberHeading="Member (project)"
          canChange
          unshare={unshare}
          empty={empty}
        />,
      ),
    );
    expect(t).toContain("Member (project) Shared Updated");
    expect(t).not.toContain("Status");
    expect(t).toContain("1417ec000000000000000000000000a1 Name it Nov 22, 2026 14:05 UTC");
  });

  it("offers no selection or removal to a read-only user", () => {
    const html = renderIntl(
      <MembersTable service="cph" image={image} members={cph} canChange={false} unshare={unshare} empty={empty} />,
    );
    expect(html).not.toContain("checkbox");
    expect(html).not.toContain("Remove");
  });

  it("shows what the page says instead of an empty table", () => {
    const t = text(
      renderIntl(<MembersTable service="ims" image={image} members={[]} canChange unshare={unshare} empty={empty} />),
    );
    expect(t.trim()).toBe("Not shared yet Use Share.");
  });
});
