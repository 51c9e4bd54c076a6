import { z } from "zod";

/**
 * The console's endpoint variables, parsed in `lib/env.ts` and by tools that run outside the console
 * (`npm run conformance`), so that both read them alike.
 */
export const endpointVariables = {
  /**
   * Base URL of every cloud service, with optional `{service}` and `{region}` placeholders:
   * `https://{service}.{region}.myhuaweicloud.com` for Huawei Cloud, or the emulator's single URL.
   */
  CLOUD_ENDPOINT: z.string().default("http://127.0.0.1:4010"),
  /** IAM endpoint; Huawei Cloud's global one is `https://iam.myhuaweicloud.com`. Defaults to CLOUD_ENDPOINT. */
  IAM_ENDPOINT: z.string().optional(),
};

export interface EndpointTemplates {
  CLOUD_ENDPOINT: string;
  IAM_ENDPOINT?: string;
}

/** The base URL of a service in a region, from the templates (IAM falls back to CLOUD_ENDPOINT). */
export function fillEndpoint(templates: EndpointTemplates, service: string, region: string): string {
  const template = service === "iam" ? templates.IAM_ENDPOINT || templates.CLOUD_ENDPOINT : templates.CLOUD_ENDPOINT;
  return template.replaceAll("{service}", service).replaceAll("{region}", region).replace(/\/+$/, "");
}
