import type { Text } from "@/lib/i18n/text";
import type { ImageKind } from "@/lib/sharing/shareability";

/** An incoming image as the inbox list and the vault dialog show it. */
export interface InboxRowView {
  id: string;
  name: string;
  owner: string;
  os: string;
  osVersion: string;
  kind: ImageKind;
  sizeBytes?: number;
  sharedAt?: string;
  memberType: "project" | "domain" | "organization";
  needsVault: boolean;
  /** IMS did not say whether it is a full-ECS image: a vault is offered, not required. */
  mayNeedVault: boolean;
  /** Accepted tab: the CBR vault this console accepted it with (its name when CBR still lists it). */
  vault?: { id: string; name?: string };
  /** Shared since the user last opened the inbox. */
  isNew: boolean;
  /** The end date the owner gave this share, when the owner uses this console; and a request for more time. */
  lease?: { id: string; endsAt: number; renewal?: { status: string; until: number } };
}

/** A CBR vault offered for accepting a full-ECS image. */
export interface VaultOption {
  id: string;
  name: string;
  /** Why it cannot take a full-ECS image; absent when usable. */
  problem?: Text;
}
