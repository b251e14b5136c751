/**
 * Services a process starts once (the job queue, the AWS runtime) and that server components,
 * route handlers and server actions reach. Next.js bundles app code apart from the start script,
 * so module singletons are not shared: the start script publishes them on globalThis.
 */
import type PgBoss from "pg-boss";
import type { AwsRuntime } from "./aws-runtime";

export interface ProcessServices {
  boss: PgBoss;
  aws: AwsRuntime;
  role: "all" | "web" | "worker";
  startedAt: Date;
}

const KEY = Symbol.for("iamfit.processServices");

export function publishProcessServices(services: ProcessServices): void {
  (globalThis as Record<symbol, unknown>)[KEY] = services;
}

export function processServices(): ProcessServices {
  const services = (globalThis as Record<symbol, unknown>)[KEY] as ProcessServices | undefined;
  if (!services) {
    throw new Error("iamfit services are not started in this process: run it with `npm start` (or start:web).");
  }
  return services;
}
