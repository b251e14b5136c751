export function runWatched(
  label: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stallMs: number; totalMs: number },
): Promise<number>;
export function minutesFromEnv(name: string, fallback: number): number;
