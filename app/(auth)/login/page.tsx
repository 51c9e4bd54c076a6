import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { safeCallback } from "@/lib/auth/paths";
import { env, regions } from "@/lib/env";
import { DemoUsers } from "./demo-users";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallback(sp.callbackUrl);
  const expired = sp.reason === "expired";
  const t = await getTranslations("auth");
  const { auth, common } = await getMessages();
  return (
    <NextIntlClientProvider messages={{ auth, common }}>
      <main className="flex min-h-screen items-start justify-center bg-muted/50 px-4 py-16">
        <div className="grid w-full max-w-4xl gap-6 md:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
          <div className="flex flex-col gap-4">
            <div>
              <div className="flex items-center justify-between gap-3">
                <p translate="no" className="text-sm font-semibold text-primary">
                  Imshare
                </p>
                <LanguageSwitch />
              </div>
              <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
              <p className="mt-1 text-sm text-muted-foreground">{t("lead")}</p>
            </div>
            <LoginForm
              callbackUrl={callbackUrl}
              regions={regions}
              defaultRegion={env.CLOUD_DEFAULT_REGION}
              expired={expired}
            />
          </div>
          {env.IMSHARE_EMULATOR && <DemoUsers />}
        </div>
      </main>
    </NextIntlClientProvider>
  );
}
