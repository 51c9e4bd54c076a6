import type { Metadata } from "next";
import { safeCallback } from "@/lib/auth/paths";
import { env, regions } from "@/lib/env";
import { DemoUsers } from "./demo-users";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallback(sp.callbackUrl);
  const expired = sp.reason === "expired";
  return (
    <main className="flex min-h-screen items-start justify-center bg-muted/50 px-4 py-16">
      <div className="grid w-full max-w-4xl gap-6 md:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <div className="flex flex-col gap-4">
          <div>
            <p className="text-sm font-semibold text-primary">Imshare</p>
            <h1 className="text-2xl font-semibold tracking-tight">Sign in with your IAM user</h1>
            <p className="mt-1 text-sm text-muted-foreground">
              Share machine images between projects and accounts of Huawei Cloud. Your token stays on the server.
            </p>
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
  );
}
