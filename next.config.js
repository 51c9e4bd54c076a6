import createNextIntlPlugin from "next-intl/plugin";

/** Headers of every response, static files included (the proxy adds the content security policy). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and server-only database drivers stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "pg"],
  // `npm test` type-checks the whole project, route types included (`npm run typecheck`: next typegen, then
  // tsc), before it builds, and says so with IMSHARE_TYPES_CHECKED: its build skips checking them again.
  typescript: { ignoreBuildErrors: process.env.IMSHARE_TYPES_CHECKED === "1" },
  // CI builds a clean clone once: a build cache written to disk there is never read.
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

/**
 * next-intl reads each request's language and messages from `lib/i18n/request.ts`. The catalogues are
 * compiled at build time (`precompile`), so that the browser gets ICU messages ready to format and no
 * ICU parser: the parser alone was most of the 12 kB next-intl added to every page's first load.
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: { format: "json", path: ["./messages/en", "./messages/zh-CN"], locales: "infer", precompile: true },
  },
});

export default withNextIntl(nextConfig);
