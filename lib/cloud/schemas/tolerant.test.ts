import { describe, expect, it } from "vitest";
import { traceEvent } from "@/lib/audit/cts-map";
import { shareBlocker } from "@/lib/sharing/shareability";
import { imageSchema, jobSchema, memberListSchema } from "./ims";
import { phoneImageListSchema, phoneRequestIdSchema } from "./cph";
import { traceListSchema } from "./cts";

const IMAGE = {
  id: "1b7f0000-0000-4000-8000-000000000001",
  name: "ubuntu",
  status: "active",
  owner: "ac0e00000000000000000000000000a1",
  visibility: "private",
  __imagetype: "private",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};
const ctx = { projectId: IMAGE.owner, region: "ap-southeast-1", windowsRestrictedRegions: [] };

/** Both readings of section 14 parse to the same value, so the code reading it cannot tell them apart. */
describe("tolerant schemas", () => {
  it("reads an optional field sent as null as if it were omitted (D2)", () => {
    const nulls = {
      __backup_id: null,
      __system__cmkid: null,
      __whole_image: null,
      __os_type: null,
      min_disk: null,
      __image_size: null,
    };
    const withNulls = imageSchema.parse({ ...IMAGE, ...nulls });
    expect(withNulls).toEqual(imageSchema.parse(IMAGE));
    expect(shareBlocker(withNulls, ctx)).toBeUndefined();
    expect(shareBlocker(imageSchema.parse({ ...IMAGE, __system__cmkid: "key-1" }), ctx)?.code).toBe("IMG.0098");

    expect(memberListSchema.parse({ members: [], page_info: { next_marker: null } })).toEqual({
      members: [],
      page_info: { next_marker: "" },
    });
    expect(
      memberListSchema.parse({
        members: [
          {
            image_id: "i",
            member_id: "m",
            status: "pending",
            created_at: "t",
            updated_at: "t",
            member_type: null,
            urn: null,
          },
        ],
      }).members[0],
    ).toEqual({
      image_id: "i",
      member_id: "m",
      status: "pending",
      created_at: "t",
      updated_at: "t",
      member_type: "project",
    });
    expect(
      jobSchema.parse({
        job_id: "j",
        status: "success",
        fail_reason: null,
        end_time: null,
        error_code: null,
        entities: null,
      }),
    ).toEqual({ job_id: "j", status: "SUCCESS" });
    expect(phoneRequestIdSchema.parse({ request_id: "r", error_code: null, error_msg: null })).toEqual({
      request_id: "r",
    });
    const phones = phoneImageListSchema.parse({
      image_infos: [
        { image_id: "p", image_name: "n", image_type: "private", status: "1", project_id: null, create_time: 0 },
      ],
      total: "1",
    });
    expect(phones).toEqual({
      image_infos: [
        { image_id: "p", image_name: "n", image_type: "private", status: 1, create_time: "1970-01-01T00:00:00.000Z" },
      ],
      total: 1,
    });
  });

  it("reads a trace with a numeric code and object bodies as the one with strings (D1), for the history too", () => {
    const request = { images: [IMAGE.id], projects: ["610be0000000000000000000000000a1"] };
    const response = { error: { code: "IMG.0088", message: "quota" } };
    const base = {
      trace_id: "t1",
      trace_name: "addMember",
      service_type: "IMS",
      resource_type: "image",
      resource_id: IMAGE.id,
      time: 1,
      user: { name: "alice" },
    };
    const asStrings = traceListSchema.parse({
      traces: [{ ...base, code: "400", request: JSON.stringify(request), response: JSON.stringify(response) }],
      meta_data: { count: 1 },
    });
    const asValues = traceListSchema.parse({
      traces: [{ ...base, code: 400, request, response, request_id: null, source_ip: null, message: null }],
      meta_data: { count: 1, marker: null },
    });
    expect(asValues).toEqual(asStrings);
    const event = traceEvent(asValues.traces[0], IMAGE.owner);
    expect(event).toMatchObject({
      action: "share",
      succeeded: false,
      error: { code: "IMG.0088" },
      targets: request.projects,
    });
    expect(event).toEqual(traceEvent(asStrings.traces[0], IMAGE.owner));
  });
});
