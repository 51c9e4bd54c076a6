import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";
import { textIn } from "@/lib/localize/testing";
import { fieldErrorsOf } from "./form";

const schema = z.object({
  imageIds: z.array(z.string()).max(2, { error: fieldKey("batchImagesMax") }),
  note: z.string().min(1, "Give a note."),
});
const issues = () => schema.safeParse({ imageIds: ["a", "b", "c"], note: "" }).error!;

describe("fieldErrorsOf", () => {
  it("says a schema's catalogue key in the language given, with the issue's limit", () => {
    expect(fieldErrorsOf(issues(), textIn("en"))).toEqual({
      imageIds: ["A batch takes at most 2 images."],
      note: ["Give a note."],
    });
    expect(fieldErrorsOf(issues(), textIn("zh-CN")).imageIds).toEqual(["一个批量任务最多包含 2 个镜像。"]);
  });

  it("leaves the keys as they are without a translator", () => {
    expect(fieldErrorsOf(issues()).imageIds).toEqual(["errors.fields.batchImagesMax"]);
  });
});
