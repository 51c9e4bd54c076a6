import { randomBytes, randomUUID } from "node:crypto";

export const HEX32 = /^[0-9a-f]{32}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** 32 lower-case hex: project, account and user ids, job ids, request ids. */
export function hex32(): string {
  return randomBytes(16).toString("hex");
}

export function uuid(): string {
  return randomUUID();
}

/**
 * An opaque token of a few KB, like the `MII…` tokens of real IAM, so that header limits get exercised.
 * 1,600 random bytes become 2,136 base64url characters.
 */
export function opaqueToken(): string {
  return "MII" + randomBytes(1600).toString("base64url");
}
