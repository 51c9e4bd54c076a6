import "server-only";
import NextAuth from "next-auth";
import type {} from "next-auth/jwt";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { writeAuditEvent } from "@/lib/audit/writer";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { sessionStore } from "./store";
import { signInWithPassword, signInWithToken } from "./sign-in";

declare module "next-auth" {
  interface Session {
    /** The server-side session id; the IAM token stays in the database. */
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const passwordInput = z.object({
  account: z.string().min(1),
  user: z.string().min(1),
  password: z.string().min(1),
  project: z.string().min(1),
});
const tokenInput = z.object({ token: z.string().min(1), project: z.string().optional() });

/** Stores the token encrypted, records the sign-in, and hands Auth.js only the session id. */
async function establish(issued: Awaited<ReturnType<typeof signInWithPassword>>, method: string) {
  const store = await sessionStore();
  await store.purgeExpired();
  const sid = await store.create(issued.token, issued.body);
  const session = await store.get(sid);
  if (session) {
    await writeAuditEvent(await getDb(), {
      actor: session,
      action: "signed_in",
      outcome: "succeeded",
      input: { method },
      upstreamRequestId: issued.requestId,
    });
  }
  return { id: sid, name: issued.body.user.name };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 24 * 3600 },
  pages: { signIn: "/login" },
  logger: {
    // Refused sign-ins are answered on the form and logged in one line by `./sign-in`; only unexpected
    // failures belong here. A subclass of CredentialsSignin keeps its own `name`, so test the type.
    error(error) {
      if (!(error instanceof CredentialsSignin) && (error as { type?: string }).type !== "CredentialsSignin")
        console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      id: "iam-password",
      credentials: { account: {}, user: {}, password: {}, project: {} },
      authorize: async (credentials) =>
        establish(await signInWithPassword(passwordInput.parse(credentials)), "password"),
    }),
    Credentials({
      id: "iam-token",
      credentials: { token: {}, project: {} },
      authorize: async (credentials) => establish(await signInWithToken(tokenInput.parse(credentials)), "token"),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      return user?.id ? { sid: user.id } : token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: token.sid, user: {} };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await (await sessionStore()).delete(sid);
    },
  },
});
