import "server-only";
import { text, type Text } from "@/lib/i18n/text";
import type { Scope } from "./ims";
import { cloudRequest } from "./request";
import { vaultListSchema, type Vault } from "./schemas/cbr";

/** `GET /v3/{project_id}/vaults`: the project's backup vaults. */
export async function listVaults(scope: Scope): Promise<Vault[]> {
  const res = await cloudRequest({
    service: "cbr",
    region: scope.region,
    method: "GET",
    path: `/v3/${scope.projectId}/vaults`,
    token: scope.token,
    query: { limit: 1000 },
    output: vaultListSchema,
  });
  return res.data.vaults;
}

/** Why a vault cannot take a full-ECS image when accepting it (IMG.0193, IMG.0188), or undefined. */
export function vaultProblem(vault: Vault): Text | undefined {
  if (vault.billing.object_type !== "server" || vault.billing.protect_type !== "backup")
    return text("incoming.vault.problems.notServerBackup");
  if (vault.billing.status !== "available")
    return text("incoming.vault.problems.notAvailable", { status: vault.billing.status });
  return undefined;
}
