import type { Body, Emu } from "../core/context";
import type { SmnMessage } from "../store/smn";
import { MESSAGE_MAX_BYTES, smnRefusal, SUBJECT_MAX_BYTES } from "./wire";

/** What a PublishMessage body asks SMN to send, as it will be recorded. */
export type PublishContent = Pick<SmnMessage, "subject" | "message" | "message_structure" | "message_template_name">;

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const given = (v: unknown) => v !== undefined && v !== null && v !== "";

/**
 * The body of `POST …/publish` (`PublishMessageRequestBody`): a subject of at most 512 bytes, and one
 * of `message_structure`, `message_template_name` and `message`, which win in that order. Only the one
 * that wins is checked [INFERRED]; templates are not modelled, so any name is taken [INFERRED].
 */
export function publishContent(emu: Emu, body: Body): PublishContent {
  const value = body.kind === "json" ? body.value : undefined;
  // [INFERRED] A body that is not a JSON object carries no message.
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw smnRefusal(emu, "SMN.0009");
  const fields = value as Record<string, unknown>;
  const { subject, message, message_structure: structure, message_template_name: template } = fields;
  if (given(subject) && (typeof subject !== "string" || bytes(subject) > SUBJECT_MAX_BYTES)) {
    throw smnRefusal(emu, "SMN.0008");
  }
  if (given(structure)) checkStructure(emu, structure);
  else if (given(template)) {
    if (typeof template !== "string") throw smnRefusal(emu, "SMN.0032");
  } else if (typeof message !== "string" || message.trim() === "" || bytes(message) > MESSAGE_MAX_BYTES) {
    throw smnRefusal(emu, "SMN.0009");
  }
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  return {
    subject: text(subject),
    message: text(message),
    message_structure: text(structure),
    message_template_name: text(template),
  };
}

/** JSON text of an object whose `default` protocol is a message; other protocols are optional. */
function checkStructure(emu: Emu, structure: unknown): void {
  if (typeof structure !== "string" || bytes(structure) > MESSAGE_MAX_BYTES) throw smnRefusal(emu, "SMN.0021");
  let parsed: unknown;
  try {
    parsed = JSON.parse(structure);
  } catch {
    throw smnRefusal(emu, "SMN.0021");
  }
  const entries = typeof parsed === "object" && parsed !== null ? Object.entries(parsed) : [];
  const text = entries.find(([k]) => k === "default")?.[1];
  if (typeof text !== "string" || text.trim() === "" || entries.some(([, v]) => typeof v !== "string")) {
    throw smnRefusal(emu, "SMN.0021");
  }
}
