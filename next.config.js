/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and server-only database drivers stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "pg"],
};

export default nextConfig;
