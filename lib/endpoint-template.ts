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
  /**
   * Organizations endpoint; a global service, Huawei Cloud's is `https://organizations.myhuaweicloud.com`
   * (no regional one to fill a template with). Defaults to CLOUD_ENDPOINT.
   */
  ORGANIZATIONS_ENDPOINT: z.string().optional(),
};

export interface EndpointTemplates {
  CLOUD_ENDPOINT: string;
  IAM_ENDPOINT?: string;
  ORGANIZATIONS_ENDPOINT?: string;
}

/** Services with an endpoint of their own (global ones); every other service fills CLOUD_ENDPOINT. */
const OWN_ENDPOINT: Partial<Record<string, "IAM_ENDPOINT" | "ORGANIZATIONS_ENDPOINT">> = {
  iam: "IAM_ENDPOINT",
  organizations: "ORGANIZATIONS_ENDPOINT",
};

/** The base URL of a service in a region, from the templates (IAM and Organizations fall back to CLOUD_ENDPOINT). */
export function fillEndpoint(templates: EndpointTemplates, service: string, region: string): string {
  const own = OWN_ENDPOINT[service];
  const template = (own && templates[own]) || templates.CLOUD_ENDPOINT;
  return template.replaceAll("{service}", service).replaceAll("{region}", region).replace(/\/+$/, "");
}
