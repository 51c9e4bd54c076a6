import { z } from "zod";
import { list, opt, optString } from "./tolerant";

const ref = z.object({ id: z.string(), name: z.string() });

export const tokenSchema = z.object({
  token: z.object({
    methods: z.array(z.string()),
    issued_at: z.string(),
    expires_at: z.string(),
    user: ref.extend({ domain: ref }),
    project: opt(ref.extend({ domain: ref })),
    domain: opt(ref),
    roles: list(z.object({ id: z.string(), name: z.string() })),
  }),
});
export type TokenBody = z.infer<typeof tokenSchema>["token"];

const scopeSchema = z.union([
  z.object({
    project: z.union([
      z.object({ id: z.string() }),
      z.object({ name: z.string(), domain: z.object({ name: z.string() }) }),
    ]),
  }),
  z.object({ domain: z.object({ name: z.string() }) }),
]);

export const passwordAuthSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.tuple([z.literal("password")]),
      password: z.object({
        user: z.object({
          name: z.string().min(1),
          password: z.string().min(1),
          domain: z.object({ name: z.string().min(1) }),
        }),
      }),
    }),
    scope: scopeSchema,
  }),
});

export const tokenAuthSchema = z.object({
  auth: z.object({
    identity: z.object({ methods: z.tuple([z.literal("token")]), token: z.object({ id: z.string().min(1) }) }),
    scope: scopeSchema,
  }),
});

export const authProjectsSchema = z.object({
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      domain_id: z.string(),
      enabled: z
        .boolean()
        .nullish()
        .transform((e) => e ?? true),
      description: z
        .string()
        .nullish()
        .transform((d) => d ?? ""),
    }),
  ),
});
export type AuthProject = z.infer<typeof authProjectsSchema>["projects"][number];

/** `GET /v3.0/OS-CREDENTIAL/credentials/{access_key}` (ShowPermanentAccessKey): whose key it is, and whether it works. */
export const credentialSchema = z.object({
  credential: z.object({
    user_id: z.string(),
    access: z.string(),
    status: z.string(),
    create_time: optString(),
    description: optString(),
  }),
});
export type PermanentAccessKey = z.infer<typeof credentialSchema>["credential"];
