import { z } from "zod";
import { list, optNum } from "./tolerant";

/** A CBR vault, with the billing fields that decide whether it can take a full-ECS image (reference 9.9). */
export const vaultSchema = z.object({
  id: z.string(),
  name: z.string(),
  billing: z.object({
    status: z.string(),
    object_type: z.string(),
    protect_type: z.string(),
    size: optNum(),
    used: optNum(),
  }),
});
export type Vault = z.infer<typeof vaultSchema>;

export const vaultListSchema = z.object({ vaults: list(vaultSchema), count: optNum() });
