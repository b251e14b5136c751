/**
 * The environment of an e2e server, beside `npm start`: the suite's webServer
 * (playwright.config.ts) and the second server a journey starts itself (./app-server.ts) share it,
 * so both run exactly as a fresh installation does with the sandbox organization.
 */
export function serverEnv(options: { port: number; dataDir: string }): Record<string, string> {
  return {
    PORT: String(options.port),
    IAMFIT_DATA_DIR: options.dataDir,
    IAMFIT_SANDBOX: "1",
    DATABASE_URL: "",
    // The embedded PostgreSQL takes the port above the web server's.
    IAMFIT_EMBEDDED_PG_PORT: String(options.port + 1),
    NEXT_TELEMETRY_DISABLED: "1",
    // The journeys sign in a few dozen times from one address within minutes.
    IAMFIT_SIGN_IN_ATTEMPTS_PER_MINUTE: "60",
  };
}

/** The suite's server listens on E2E_PORT (PostgreSQL on the next port). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
