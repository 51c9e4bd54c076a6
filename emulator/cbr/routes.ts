import type { Hono } from "hono";
import { authenticate, can, intParam, type Ctx, type Emu, type EmuEnv } from "../core/context";
import { serviceError } from "../core/errors";
import { isoSeconds } from "../core/time";
import type { Vault } from "../store/types";

/** CBR's backup provider ids: cloud servers and cloud disks (EVS). */
const PROVIDERS = { server: "0daac4c5-6707-4851-97ba-169e36266b66", disk: "d1603440-187d-4516-af25-121250c7cc97" };
const ENUMS: Record<string, string[]> = { protect_type: ["backup", "replication"], cloud_type: ["public", "hybrid"] };

/** The reference documents no CBR codes: BackupService.9900 is what CBR answers for a malformed parameter. */
function invalidParameter(name: string) {
  return serviceError("BackupService.9900", `Invalid parameter: ${name}.`);
}

/** CBR `GET /v3/{project_id}/vaults` (reference section 9.9), enough to pick a vault for an accept. */
export function registerCbr(app: Hono<EmuEnv>, emu: Emu): void {
  app.get("/v3/:project_id/vaults", (c) => {
    const session = authenticate(c, emu);
    if (c.req.param("project_id") !== session.project.id) {
      throw serviceError("BackupService.0001", "Forbidden: the project in the path is not the token's project.", 403);
    }
    if (!can(session, "cbr:vaults:list"))
      throw serviceError("BackupService.0001", "Forbidden: cbr:vaults:list is required.", 403);
    const limit = intParam(c, "limit", 1, 1000);
    const offset = intParam(c, "offset", 0, Number.MAX_SAFE_INTEGER);
    if (limit === null) throw invalidParameter("limit");
    if (offset === null) throw invalidParameter("offset");
    const filter = vaultFilter(c);
    const vaults = [...emu.world.vaults.values()]
      .filter((v) => v.projectId === session.project.id && filter(v))
      .sort((a, b) => b.createdAt - a.createdAt);
    const start = offset ?? 0;
    return c.json({ vaults: vaults.slice(start, start + (limit ?? 1000)).map(vaultBody), count: vaults.length });
  });
}

function vaultFilter(c: Ctx): (v: Vault) => boolean {
  const q = (name: string) => c.req.query(name) || undefined;
  for (const [name, allowed] of Object.entries(ENUMS)) {
    const value = q(name);
    if (value !== undefined && !allowed.includes(value)) throw invalidParameter(name);
  }
  const wanted = {
    name: q("name"),
    id: q("id"),
    object_type: q("object_type"),
    protect_type: q("protect_type"),
    status: q("status"),
    cloud_type: q("cloud_type"),
  };
  return (v) =>
    (wanted.name === undefined || v.name === wanted.name) &&
    (wanted.id === undefined || v.id === wanted.id) &&
    (wanted.object_type === undefined || v.objectType === wanted.object_type) &&
    (wanted.protect_type === undefined || v.protectType === wanted.protect_type) &&
    (wanted.status === undefined || v.status === wanted.status) &&
    (wanted.cloud_type === undefined || wanted.cloud_type === "public");
}

function vaultBody(v: Vault) {
  return {
    id: v.id,
    name: v.name,
    description: v.description,
    project_id: v.projectId,
    provider_id: PROVIDERS[v.objectType],
    resources: [],
    tags: [],
    enterprise_project_id: "0",
    auto_bind: false,
    bind_rules: {},
    user_id: "",
    created_at: isoSeconds(v.createdAt),
    billing: {
      allocated: v.sizeGb * 1024,
      used: v.usedMb,
      size: v.sizeGb,
      status: v.status,
      object_type: v.objectType,
      protect_type: v.protectType,
      charging_mode: "post_paid",
      consistent_level: "crash_consistent",
      spec_code: v.objectType === "server" ? "vault.backup.server.normal" : "vault.backup.volume.normal",
      cloud_type: "public",
      ...(v.status === "frozen" ? { frozen_scene: "ARREAR" } : {}),
    },
  };
}
