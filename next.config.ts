import type { NextConfig } from "next";

// Shipshape makes no outbound calls (air-gapped installs): Next reads this flag after loading
// the config and before its telemetry client starts.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // The Docker image copies .next/standalone: a self-contained server without node_modules.
  output: "standalone",
  poweredByHeader: false,
  // The Prisma client and the pg driver load native-style modules at runtime; bundling them
  // breaks their dynamic requires.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "bcryptjs"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
