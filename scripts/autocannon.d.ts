// The part of autocannon 9 that scripts/bench-pages.ts uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface AutocannonOptions {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    connections?: number;
    /** Stop after this many requests. */
    amount?: number;
    /** Seconds a request may take before it counts as an error. */
    timeout?: number;
  }

  interface AutocannonResult {
    requests: { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    throughput: { average: number };
  }

  interface AutocannonInstance extends EventEmitter {
    stop(): void;
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    on(event: "done", listener: (result: AutocannonResult) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  function autocannon(options: AutocannonOptions, callback?: (error: Error | null, result: AutocannonResult) => void): AutocannonInstance;
  export default autocannon;
}
