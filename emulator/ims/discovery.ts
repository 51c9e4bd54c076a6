import type { Hono } from "hono";
import type { Emu, EmuEnv } from "../core/context";
import { baseUrl } from "../iam/routes";
import { imageReader } from "./image-query";

const UUID_PATTERN = "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";
const nullable = (type: string) => ({ type: ["null", type] });
const text = (description: string) => ({ type: "string", description });

/** Glance's image schema; `additionalProperties` lets Huawei's `__` extras (all strings) validate. */
export const IMAGE_SCHEMA = {
  name: "image",
  properties: {
    id: { type: "string", pattern: UUID_PATTERN, description: "An identifier for the image" },
    name: { ...nullable("string"), maxLength: 255, description: "Descriptive name for the image" },
    status: {
      type: "string",
      enum: [
        "queued",
        "saving",
        "active",
        "killed",
        "deleted",
        "pending_delete",
        "deactivated",
        "uploading",
        "importing",
      ],
      description: "Status of the image (READ-ONLY)",
    },
    visibility: {
      type: "string",
      enum: ["public", "private", "shared", "community"],
      description: "Scope of image accessibility",
    },
    protected: { type: "boolean", description: "If true, image will not be deletable." },
    owner: { ...nullable("string"), maxLength: 255, description: "Owner of the image" },
    checksum: { ...nullable("string"), maxLength: 32, description: "md5 hash of image contents. (READ-ONLY)" },
    size: { ...nullable("integer"), description: "Size of image file in bytes (READ-ONLY)" },
    virtual_size: { ...nullable("integer"), description: "Virtual size of image in bytes (READ-ONLY)" },
    container_format: {
      ...nullable("string"),
      enum: [null, "ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"],
      description: "Format of the container",
    },
    disk_format: {
      ...nullable("string"),
      enum: [null, "ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop", "zvhd", "zvhd2"],
      description: "Format of the disk",
    },
    min_ram: { type: "integer", description: "Amount of ram (in MB) required to boot image." },
    min_disk: { type: "integer", description: "Amount of disk space (in GB) required to boot image." },
    tags: {
      type: "array",
      items: { type: "string", maxLength: 255 },
      description: "List of strings related to the image",
    },
    created_at: text("Date and time of image registration (READ-ONLY)"),
    updated_at: text("Date and time of the last image modification (READ-ONLY)"),
    self: text("An image self url (READ-ONLY)"),
    file: text("An image file url (READ-ONLY)"),
    schema: text("An image schema url (READ-ONLY)"),
    architecture: text("Operating system architecture"),
    direct_url: text("URL to access the image file kept in external store (READ-ONLY)"),
    locations: {
      type: "array",
      items: { type: "object", properties: { url: { type: "string", maxLength: 255 }, metadata: { type: "object" } } },
      description: "A set of URLs to access the image file kept in external store",
    },
  },
  additionalProperties: { type: "string" },
  links: [
    { rel: "self", href: "{self}" },
    { rel: "enclosure", href: "{file}" },
    { rel: "describedby", href: "{schema}" },
  ],
};

export const IMAGES_SCHEMA = {
  name: "images",
  properties: {
    images: { type: "array", items: IMAGE_SCHEMA },
    schema: { type: "string" },
    first: { type: "string" },
    next: { type: "string" },
  },
  links: [
    { rel: "first", href: "{first}" },
    { rel: "next", href: "{next}" },
    { rel: "describedby", href: "{schema}" },
  ],
};

/** Reference 4.1; no `additionalProperties` rule, so the newer `member_type` and `urn` validate too. */
export const MEMBER_SCHEMA = {
  name: "member",
  properties: {
    created_at: text("Date and time of image member creation"),
    updated_at: text("Date and time of last modification of image member"),
    image_id: { type: "string", pattern: UUID_PATTERN, description: "An identifier for the image" },
    member_id: text("An identifier for the image member (tenantId)"),
    schema: { type: "string", readOnly: true },
    status: {
      type: "string",
      enum: ["pending", "accepted", "rejected"],
      description: "The status of this image member",
    },
  },
};

export const MEMBERS_SCHEMA = {
  name: "members",
  properties: {
    members: { type: "array", items: MEMBER_SCHEMA },
    schema: { type: "string" },
  },
  links: [{ href: "{schema}", rel: "describedby" }],
};

const SCHEMAS = { image: IMAGE_SCHEMA, images: IMAGES_SCHEMA, member: MEMBER_SCHEMA, members: MEMBERS_SCHEMA };

/** Image version discovery (reference 11.10 items 6 and 7): image versions only, no token needed. */
export function registerImsDiscovery(app: Hono<EmuEnv>, emu: Emu): void {
  for (const path of ["/", "/versions"]) {
    app.get(path, (c) =>
      c.json({
        versions: [{ id: "v2.0", status: "CURRENT", links: [{ rel: "self", href: `${baseUrl(c, emu)}/v2/` }] }],
      }),
    );
  }
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    app.get(`/v2/schemas/${name}`, (c) => {
      imageReader(c, emu);
      return c.json(schema);
    });
  }
}
