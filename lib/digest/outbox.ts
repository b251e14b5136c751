/**
 * The local outbox: digest emails written as files when no SMTP server is configured. Each
 * message is an .eml file (open it in any mail client) and a .json beside it with the parts the
 * digest page previews. Files are written under a temporary name and renamed, so a reader never
 * sees half a message.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DigestMessage } from "./message";

export interface OutboxEntry {
  file: string;
  to: string;
  subject: string;
  writtenAt: string;
  bytes: number;
}

export interface OutboxMessage extends OutboxEntry {
  from: string;
  messageId: string;
  headers: Record<string, string>;
  html: string;
  text: string;
}

const FILE_PATTERN = /^[0-9TZ-]+-[a-z0-9]+\.eml$/;

/** Names the page may ask for: ours only, never a path. */
export function isOutboxFileName(name: string): boolean {
  return FILE_PATTERN.test(name);
}

export async function writeOutboxMessage(directory: string, message: DigestMessage, raw: Buffer, now = new Date()): Promise<string> {
  await mkdir(directory, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const file = `${stamp}-${randomBytes(4).toString("hex")}.eml`;
  const sidecar: Omit<OutboxMessage, "file" | "bytes"> = {
    to: message.to,
    from: message.from,
    subject: message.subject,
    writtenAt: now.toISOString(),
    messageId: message.messageId,
    headers: message.headers,
    html: message.html,
    text: message.text,
  };
  await writeAtomically(path.join(directory, sidecarName(file)), JSON.stringify(sidecar));
  await writeAtomically(path.join(directory, file), raw);
  return file;
}

async function writeAtomically(target: string, content: string | Buffer): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, target);
}

function sidecarName(file: string): string {
  return file.replace(/\.eml$/, ".json");
}

/** Newest first; an outbox that was never written to is empty. */
export async function listOutbox(directory: string, limit = 200): Promise<{ entries: OutboxEntry[]; total: number }> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter(isOutboxFileName);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries: [], total: 0 };
    throw error;
  }
  names.sort().reverse();
  const entries: OutboxEntry[] = [];
  for (const file of names.slice(0, limit)) {
    const message = await readOutboxMessage(directory, file);
    if (message) entries.push({ file, to: message.to, subject: message.subject, writtenAt: message.writtenAt, bytes: message.bytes });
  }
  return { entries, total: names.length };
}

export async function readOutboxMessage(directory: string, file: string): Promise<OutboxMessage | null> {
  if (!isOutboxFileName(file)) return null;
  try {
    const [sidecar, info] = await Promise.all([readFile(path.join(directory, sidecarName(file)), "utf8"), stat(path.join(directory, file))]);
    return { ...(JSON.parse(sidecar) as Omit<OutboxMessage, "file" | "bytes">), file, bytes: info.size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function readOutboxRaw(directory: string, file: string): Promise<Buffer | null> {
  if (!isOutboxFileName(file)) return null;
  try {
    return await readFile(path.join(directory, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
