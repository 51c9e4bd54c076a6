"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { getDb } from "@/lib/db";
import { appError, UserError } from "@/lib/errors";
import { removeName, saveNames } from "@/lib/names/store";
import { nameSchema, noteSchema, parseNamesCsv, targetIdSchema, type ImportError } from "@/lib/names/validate";
import { textTranslator } from "@/lib/localize/translator";
import { text } from "@/lib/i18n/text";
import { fieldKey } from "@/lib/i18n/fields";

const READ_ONLY = text("errors.said.readOnlyNames");

// Names are audited (a misleading rename could steer a later share) and so refused to read-only users.
const saveNameSchema = z.object({ id: targetIdSchema, name: nameSchema, note: noteSchema.optional() });

/** Names an id, or renames it: every user of the account then sees that name. */
export const saveNameAction = defineAction(
  { audit: "named_target", schema: saveNameSchema, readOnlyMessage: READ_ONLY },
  async (input, ctx) => {
    await saveNames(
      await getDb(),
      ctx.session.accountId,
      [{ ...input, note: input.note ?? null }],
      ctx.session.userName,
    );
    ctx.note({ targets: [input.id] });
    revalidatePath("/", "layout");
    return { id: input.id, name: input.name };
  },
);

export const removeNameAction = defineAction(
  { audit: "unnamed_target", schema: z.object({ id: targetIdSchema }), readOnlyMessage: READ_ONLY },
  async (input, ctx) => {
    if (!(await removeName(await getDb(), ctx.session.accountId, input.id)))
      throw new UserError("not_found", text("names.errors.noName"));
    ctx.note({ targets: [input.id] });
    revalidatePath("/", "layout");
    return { id: input.id };
  },
);

/** Imports a CSV of `id,name[,note]` rows: every row is checked, and one bad row refuses them all. */
export const importNamesAction = defineAction(
  {
    audit: "imported_names",
    schema: z.object({ csv: z.string().max(1_000_000, { error: fieldKey("fileOver1MB") }) }),
    readOnlyMessage: READ_ONLY,
  },
  async (input, ctx) => {
    const parsed = parseNamesCsv(input.csv);
    if (!parsed.ok) {
      const [t, say] = [await getTranslations("names.errors"), await textTranslator()];
      const problem = ({ problem, subject }: ImportError) => {
        const said = say(problem.key, problem.values);
        return subject ? `${subject}: ${said}` : said;
      };
      throw new UserError({
        ...appError("invalid_input", t("fileProblems", { count: parsed.errors.length })),
        fieldErrors: { csv: parsed.errors.map((e) => t("line", { line: e.line, message: problem(e) })) },
      });
    }
    await saveNames(await getDb(), ctx.session.accountId, parsed.entries, ctx.session.userName);
    ctx.note({ targets: parsed.entries.map((e) => e.id) });
    revalidatePath("/", "layout");
    return { imported: parsed.entries.length };
  },
);
