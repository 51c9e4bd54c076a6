import { ACTION_LABEL } from "@/lib/audit/filter";
import type { Messages } from "@/messages";

type ActionKey = keyof Messages["history"]["actions"];

/**
 * An action's label in the reader's language, from a translator of "history.actions" (useTranslations
 * or getTranslations); an action the console does not know (a CTS import may add one) reads as its key.
 */
export function actionLabeller(t: (key: ActionKey) => string) {
  return (action: string) =>
    Object.hasOwn(ACTION_LABEL, action) ? t(action as ActionKey) : action.replaceAll("_", " ");
}
