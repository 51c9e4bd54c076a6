import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { canChange, withCloud } from "@/lib/auth/session";
import { listVaults, vaultProblem } from "@/lib/cloud/cbr";
import { acceptVaults } from "@/lib/audit/decisions";
import { getDb } from "@/lib/db";
import { takeLook } from "@/lib/inbox/seen";
import { TABS, loadInbox, type InboxQuery, type Tab } from "@/lib/inbox/list";
import { cn } from "@/lib/utils";
import { InboxList } from "./inbox-list";
import { recipientLeases } from "@/lib/sharing/lease-view";
import type { InboxRowView, VaultOption } from "./types";

const STATE_LINE = {
  pending: "linePending",
  accepted: "lineAccepted",
  rejected: "lineRejected",
} as const satisfies Record<Tab, string>;

/** The inbox's tabs with counts and the open tab's images, read from IMS. */
export async function InboxTable({ query }: { query: InboxQuery }) {
  const t = await getTranslations("incoming.tabs");
  const { inbox, vaults, session } = await withCloud(async (scope, s) => {
    const inbox = await loadInbox(scope, query);
    const vaultsNeeded = inbox.rows.some((r) => r.needsVault || r.mayNeedVault);
    const vaults = vaultsNeeded ? await listVaults(scope).catch(() => []) : [];
    return { inbox, vaults, session: s };
  });
  // IMS does not say which vault an accepted full-ECS image went to: this console's audit does.
  const vaulted = inbox.rows.filter((r) => r.needsVault || r.mayNeedVault).map((r) => r.image.id);
  const usedVaults =
    query.tab === "accepted" && vaulted.length
      ? await acceptVaults(await getDb(), session.projectId, vaulted).catch(() => new Map<string, string>())
      : new Map<string, string>();
  const vaultUsed = (imageId: string) => {
    const id = usedVaults.get(imageId);
    return id ? { id, name: vaults.find((v) => v.id === id)?.name } : undefined;
  };
  // Shares that arrived since the user last opened the inbox are marked new, once.
  const arrivals = inbox.rows.flatMap((r) => (r.membership ? [Date.parse(r.membership.created_at)] : []));
  const isNew = await takeLook(await getDb(), session.userId, session.projectId, arrivals);
  const leases = await recipientLeases(
    session,
    inbox.rows.map((r) => r.image.id),
  );
  const rows: InboxRowView[] = inbox.rows.map(({ image, kind, membership, needsVault, mayNeedVault }) => ({
    id: image.id,
    name: image.name,
    owner: image.owner,
    os: image.__platform || image.__os_type || "—",
    osVersion: image.__os_version ?? "",
    kind,
    sizeBytes: image.__image_size ? Number(image.__image_size) : undefined,
    sharedAt: membership?.created_at,
    memberType: membership?.member_type ?? "project",
    needsVault,
    mayNeedVault,
    isNew: membership !== undefined && isNew(Date.parse(membership.created_at)),
    vault: vaultUsed(image.id),
    ...(leases.has(image.id) && { lease: leases.get(image.id) }),
  }));
  const vaultOptions: VaultOption[] = vaults.map((v) => ({ id: v.id, name: v.name, problem: vaultProblem(v) }));

  return (
    <div className="flex flex-col gap-3">
      <nav aria-label={t("label")} className="flex gap-1 border-b border-border">
        {TABS.map((tab) => (
          <Link
            key={tab}
            href={`/incoming?tab=${tab}`}
            aria-current={tab === query.tab ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm capitalize",
              tab === query.tab
                ? "border-primary font-medium text-foreground"
                : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {t(tab)} <span className="ml-1 rounded-full bg-muted px-1.5 text-xs tabular-nums">{inbox.counts[tab]}</span>
          </Link>
        ))}
      </nav>
      <p className="text-sm text-muted-foreground">{t(STATE_LINE[query.tab])}</p>
      {inbox.truncated && <p className="text-sm text-warning">{t("truncated")}</p>}
      <InboxList tab={query.tab} rows={rows} vaults={vaultOptions} canChange={canChange(session)} />
    </div>
  );
}
