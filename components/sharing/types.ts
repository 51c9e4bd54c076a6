import type { ActionResult, ActionState } from "@/lib/actions/action";
import type { ShareResultView, SharePlanView, UnshareResultView } from "@/lib/sharing/forms";

/** A server action as `useActionState` calls it: the page passes its own service's actions in. */
export type FormAction<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionResult<T>>;

export interface ShareActions {
  plan: FormAction<SharePlanView>;
  share: FormAction<ShareResultView>;
  /** Asks another admin to approve what the enforced sharing policy holds back. */
  requestApproval: FormAction<{ id: string; pairs: number }>;
}

export type UnshareAction = FormAction<UnshareResultView>;

/** Gives members an end date, ends it now, or takes it away (lib/sharing/lease-members). */
export type LeaseAction = FormAction<{ imageName: string; members: number; endsAt?: number }>;
