import { describe, expect, it } from "vitest";
import { ACTION_LABEL } from "@/lib/audit/filter";
import { MESSAGES } from "@/messages";
import { actionLabeller } from "./action-label";

describe("actionLabeller", () => {
  const en = actionLabeller((key) => MESSAGES.en.history.actions[key]);

  it("has an English message for every action the console names, the same as ACTION_LABEL", () => {
    expect(MESSAGES.en.history.actions).toEqual(ACTION_LABEL);
  });

  it("reads a known action from the catalogue and an unknown one as its key", () => {
    expect(en("batch_launched")).toBe("Batch launched");
    expect(actionLabeller((key) => MESSAGES["zh-CN"].history.actions[key])("unshare")).toBe("取消共享");
    expect(en("update_image_member")).toBe("update image member");
    expect(en("constructor")).toBe("constructor");
  });
});
