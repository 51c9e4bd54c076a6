import "server-only";
import { env } from "@/lib/env";
import type { CloudService } from "./errors";
import { fillEndpoint } from "@/lib/endpoint-template";

/**
 * The base URL of a service in a region, from the configured template
 * (`https://{service}.{region}.myhuaweicloud.com`, or the emulator's single URL).
 */
export function endpoint(service: CloudService, region: string): string {
  return fillEndpoint(env, service, region);
}
