import "server-only";
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
export function vaultProblem(vault: Vault): string | undefined {
  if (vault.billing.object_type !== "server" || vault.billing.protect_type !== "backup") {
    return "Not a server-backup vault: IMS needs a cloud server backup vault (IMG.0193).";
  }
  if (vault.billing.status !== "available")
    return `Vault is ${vault.billing.status}: IMS needs an available vault (IMG.0188).`;
  return undefined;
}
