import { describe, expect, it, vi } from "vitest";
import type { ApiTokenView } from "@/lib/tokens/store";
import { renderIntl } from "@/test/intl";
import { CreateToken } from "./create-token";
import { TokenList } from "./token-list";

vi.mock("../actions", () => ({ createApiTokenAction: vi.fn(), revokeApiTokenAction: vi.fn() }));

const T0 = Date.parse("2026-12-01T08:00:00Z");
const token = (over: Partial<ApiTokenView>): ApiTokenView => ({
  id: "00000000-0000-4000-8000-000000000001",
  name: "nightly",
  prefix: "imsh_AbC1",
  access: "read",
  credentials: "session",
  accessKeyPrefix: null,
  projectId: "ac0e00000000000000000000000000a1",
  projectName: "ap-southeast-1",
  createdAt: T0,
  expiresAt: T0 + 90 * 86_400_000,
  revokedAt: null,
  revokedBy: null,
  lastUsedAt: null,
  uses: 0,
  status: "active",
  ...over,
});
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the API tokens page's parts", () => {
  it("lists each token's prefix, access, credentials, uses and status, and offers Revoke for active tokens only", () => {
    const html = renderIntl(
      <TokenList
        tokens={[
          token({ uses: 12, lastUsedAt: T0 + 1_000 }),
          token({
            id: "00000000-0000-4000-8000-000000000002",
            name: "old",
            access: "write",
            status: "revoked",
            revokedBy: "alice",
            credentials: "access_key",
            accessKeyPrefix: "ACME…",
          }),
        ]}
      />,
    );
    const [, , active, revoked] = html.split("<tr").map(text);
    for (const part of [
      "nightly",
      "imsh_AbC1…",
      "Access Read-only",
      "Credentials Console session",
      "Uses 12",
      "Status Active",
    ])
      expect(active).toContain(part);
    for (const part of [
      "old",
      "Access Read and write",
      "Credentials Access key ACME…",
      "Last used Never",
      "Status Revoked Revoked by alice",
    ])
      expect(revoked).toContain(part);
    expect(html.match(/aria-label="Revoke [^"]+"/g)).toEqual(['aria-label="Revoke nightly"']);
    expect(html).toContain('href="/settings/tokens?uses=00000000-0000-4000-8000-000000000001#token-uses"');
  });

  it("says so when there are none, in Chinese too", () => {
    expect(text(renderIntl(<TokenList tokens={[]} />, "zh-CN"))).toContain("您还没有 API 令牌。");
  });

  it("offers a read-only user read tokens only, and every user the four lifetimes, 90 days first chosen", () => {
    const readOnly = renderIntl(<CreateToken canWrite={false} />);
    const writeRadio = /<input type="radio"[^>]*disabled=""[^>]*value="write"/;
    expect(readOnly).toMatch(writeRadio);
    expect(renderIntl(<CreateToken canWrite />)).not.toMatch(writeRadio);
    expect(readOnly.match(/<option value="\d+"[^>]*>[^<]+/g)).toEqual([
      '<option value="7">7 days',
      '<option value="30">30 days',
      '<option value="90" selected="">90 days',
      '<option value="365">365 days',
    ]);
  });

  it("offers the console session (chosen) or an entrusted access key, whose SK is a password field with no value", () => {
    const html = renderIntl(<CreateToken canWrite />);
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="session"/);
    expect(html).toMatch(/<input type="radio"(?![^>]*checked)[^>]*value="access_key"/);
    expect(text(html)).toContain("An access key I entrust to the console");
    const sk = html.match(/<input[^>]*name="secretKey"[^>]*>/)?.[0];
    expect(sk).toMatch(/type="password"/);
    expect(sk).not.toMatch(/value=/);
    expect(html).toMatch(/<input[^>]*name="accessKey"[^>]*value=""/);
  });
});
