import "server-only";
import { env } from "@/lib/env";
import type { CloudService } from "./errors";

/**
 * The base URL of a service in a region, from the configured template
 * (`https://{service}.{region}.myhuaweicloud.com`, or the emulator's single URL).
 */
export function endpoint(service: CloudService, region: string): string {
  const template = service === "iam" ? env.IAM_ENDPOINT : env.CLOUD_ENDPOINT;
  return template.replaceAll("{service}", service).replaceAll("{region}", region).replace(/\/+$/, "");
}
