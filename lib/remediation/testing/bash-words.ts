/**
 * What bash makes of rendered CLI commands: each command's words as bash splits them, with every
 * variable set to @NAME@, to compare with the words a command was built from.
 */
import { spawnSync } from "node:child_process";
import { expect } from "vitest";
import { renderCliCommand, type CliCommand } from "../shell";

/** Each command's words as bash splits them, variables set to @NAME@. */
export function wordsAsBashSeesThem(commands: CliCommand[]): string[][] {
  const variables = [...new Set(commands.flatMap((command) => command.words.flatMap((word) => (typeof word === "string" ? [] : [word.variable]))))];
  const script = [
    ...variables.map((name) => `${name}=@${name}@`),
    ...commands.map((command) => `set -- ${renderCliCommand(command)}; printf '%s\\0' "$@"; printf '\\1\\0'`),
  ].join("\n");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-c", script], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .split("\u0001\u0000")
    .slice(0, -1)
    .map((chunk) => chunk.split("\u0000").slice(0, -1));
}

export const expectedWords = (command: CliCommand) => command.words.map((word) => (typeof word === "string" ? word : `${word.prefix ?? ""}@${word.variable}@`));

