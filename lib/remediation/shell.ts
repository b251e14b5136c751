/**
 * AWS CLI commands with real resource names filled in. Names come from AWS and are hostile
 * (the sandbox has a user named `<img src=x onerror=alert(1)>` and a group named
 * `=HYPERLINK("http://x")`), so every value is quoted for POSIX shells (bash, zsh) unless it
 * is made only of characters no shell treats specially.
 */
const SAFE_WORD = /^[A-Za-z0-9_./:@%+,=-]+$/;

/** One word for sh: the value itself when it is safe, else single-quoted with `'` as `'\''`. */
export function shellQuote(value: string): string {
  if (value !== "" && SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A shell variable the reader sets first (e.g. an access key id the credential report lacks). */
export interface ShellVariable {
  variable: string;
  /** Literal text before the value in the same word (`AttributeValue=` + `$KEY`). */
  prefix?: string;
}

export type CommandArgument = string | ShellVariable;

/** `--option value` pairs; `true` is a bare flag, `undefined` leaves the option out. */
export type CommandOptions = Record<string, CommandArgument | true | undefined>;

export interface CliCommand {
  /** What the command does, one line. */
  description: string;
  /** The words of the command line, before quoting. */
  words: CommandArgument[];
}

const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;

export function shellVariable(name: string, prefix?: string): ShellVariable {
  if (!VARIABLE_NAME.test(name)) throw new Error(`not a shell variable name: ${name}`);
  return prefix === undefined ? { variable: name } : { variable: name, prefix };
}

/** Inside double quotes only `\`, `"`, `$` and backquote are special. */
function doubleQuotedText(text: string): string {
  return text.replace(/[\\"$`]/g, (char) => `\\${char}`);
}

function renderWord(word: CommandArgument): string {
  if (typeof word === "string") return shellQuote(word);
  // Quoted so the value stays one word whatever it holds.
  return `"${doubleQuotedText(word.prefix ?? "")}$${word.variable}"`;
}

export function renderCommand(command: Pick<CliCommand, "words">): string {
  return command.words.map(renderWord).join(" ");
}

/** `aws <service> <operation> --option value …`, options in the order given. */
export function aws(description: string, service: string, operation: string, options: CommandOptions = {}): CliCommand {
  const words: CommandArgument[] = ["aws", service, operation];
  for (const [option, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (value === true) words.push(`--${option}`);
    // The CLI's argument parser reads a separate value that starts with "-" as an option.
    else if (typeof value === "string" && value.startsWith("-")) words.push(`--${option}=${value}`);
    else words.push(`--${option}`, value);
  }
  return { description, words };
}

/** `NAME=value`: the reader replaces the value before running the commands that use it. */
export function assignVariable(description: string, name: string, placeholder: string): CliCommand {
  shellVariable(name);
  return { description, words: [`${name}=${placeholder}`] };
}

export function isAssignment(command: CliCommand): boolean {
  return command.words.length === 1 && typeof command.words[0] === "string" && /^[A-Z][A-Z0-9_]*=/.test(command.words[0]);
}

/** Assignments are rendered as typed: their value is a placeholder for the reader to replace. */
export function renderCliCommand(command: CliCommand): string {
  if (isAssignment(command)) {
    const [assignment] = command.words as [string];
    const at = assignment.indexOf("=");
    return `${assignment.slice(0, at)}=${shellQuote(assignment.slice(at + 1))}`;
  }
  return renderCommand(command);
}
