/**
 * Test helper: runs the CLI in-process and captures what it prints, on console and on the
 * standard streams, so a test reads the output a person would see in a terminal.
 */
import { vi } from "vitest";
import { runCli } from "../main";

/** Runs the CLI as `iamfit <args>` and captures what it prints. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => void out.push(`${values.join(" ")}\n`));
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const error = vi.spyOn(console, "error").mockImplementation((...values: unknown[]) => void err.push(`${values.join(" ")}\n`));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    log.mockRestore();
    write.mockRestore();
    error.mockRestore();
    stderr.mockRestore();
  }
}
