import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dataTag } from "@/components/data-text";
import { TargetId } from "@/components/target-id";
import { Alert } from "@/components/ui/alert";
import { canChange, requireSession, scopeOf } from "@/lib/auth/session";
import { formatWhen } from "@/lib/i18n/format";
import { say, type RootTranslator } from "@/lib/i18n/text";
import { UUID } from "@/lib/ids";
import { recentOutsideShares } from "@/lib/sharing/policy";
import { StopSharing } from "./stop-sharing";

/** How many of them the banner lists; History holds them all. */
const SHOWN = 5;

/**
 * Shares made outside the console (imported from CTS) in the last 7 days that the sharing policy would
 * not have allowed: counted, the newest listed with a one-click unshare. Nothing when there are none,
 * or when the policy or its reads fail: the image list is what this page is for.
 */
export async function OutsidePolicy() {
  const session = await requireSession();
  const shares = await recentOutsideShares(scopeOf(session), session).catch(() => []);
  if (shares.length === 0) return null;
  const t = await getTranslations("images.outside");
  const root = (await getTranslations()) as RootTranslator;
  const format = await getFormatter();
  const mayChange = canChange(session);
  return (
    <Alert tone="warning" className="flex flex-col gap-2">
      <p className="font-medium">{t("title", { count: shares.length })}</p>
      <p className="text-xs">{t("body")}</p>
      <ul className="flex flex-col gap-1.5 text-xs">
        {shares.slice(0, SHOWN).map((s) => (
          <li key={`${s.eventId} ${s.image} ${s.target}`} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link href={`/images/${s.image}`} translate="no" className="font-mono text-primary hover:underline">
              {s.image.slice(0, 8)}…
            </Link>
            <span aria-hidden>→</span>
            <TargetId id={s.target} className="max-w-72" />
            <span className="text-muted-foreground">
              {t.rich("by", { user: s.userName, when: formatWhen(format, s.occurredAt), name: dataTag })} ·{" "}
              {say(root, s.verdict.because)}
            </span>
            {mayChange && UUID.test(s.image) && <StopSharing imageId={s.image} target={s.target} />}
          </li>
        ))}
      </ul>
      <Link href="/history?source=cts&action=share" className="w-fit text-xs font-medium text-primary underline">
        {t("inHistory")}
      </Link>
    </Alert>
  );
}
