import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { composeDigestMessage } from "./message";
import { isOutboxFileName, listOutbox, readOutboxMessage, readOutboxRaw } from "./outbox";
import { createOutboxTransport, mailTransportFromEnv } from "./transport";

const message = (deliveryId: string, subject = "iamfit weekly digest: score 72") =>
  composeDigestMessage({
    rendered: { subject, html: "<p>Score &lt;b&gt;72&lt;/b&gt;</p>", text: "Score 72" },
    from: "iamfit <iamfit@localhost>",
    to: "ops@example.com",
    deliveryId,
    oneClickUnsubscribeUrl: "http://localhost:3000/api/digest/unsubscribe?s=abc&t=def",
  });

describe("the local outbox", () => {
  let directory: string;
  beforeEach(async () => {
    directory = path.join(await mkdtemp(path.join(os.tmpdir(), "iamfit-outbox-")), "outbox");
  });
  afterEach(async () => rm(path.dirname(directory), { recursive: true, force: true }));

  it("is where emails go without SMTP_URL", () => {
    const transport = mailTransportFromEnv({ SMTP_REQUIRE_TLS: false, SMTP_TLS_REJECT_UNAUTHORIZED: true, dataDir: "/srv/iamfit" });
    expect(transport.kind).toBe("outbox");
    expect(transport.description).toBe("local outbox /srv/iamfit/outbox");
  });

  it("writes a complete .eml with the same headers SMTP would carry, and a preview beside it", async () => {
    const sent = await createOutboxTransport(directory).send(message("7"));
    expect(sent).toMatchObject({ transport: "outbox", messageId: "<iamfit-digest-7@localhost>" });
    expect(isOutboxFileName(sent.outboxFile!)).toBe(true);
    expect((await readdir(directory)).sort()).toEqual([sent.outboxFile!, sent.outboxFile!.replace(/\.eml$/, ".json")].sort());

    const parsed = await simpleParser((await readOutboxRaw(directory, sent.outboxFile!))!);
    expect(parsed.subject).toBe("iamfit weekly digest: score 72");
    expect(parsed.text?.trim()).toBe("Score 72");
    expect(parsed.html).toContain("Score &lt;b&gt;72&lt;/b&gt;");
    const headers = Object.fromEntries(parsed.headerLines.map((line) => [line.key, line.line.slice(line.key.length + 1).trim()]));
    expect(headers["list-unsubscribe"]).toBe("<http://localhost:3000/api/digest/unsubscribe?s=abc&t=def>");
    expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    expect(await readOutboxMessage(directory, sent.outboxFile!)).toMatchObject({
      to: "ops@example.com",
      subject: "iamfit weekly digest: score 72",
      text: "Score 72",
      html: "<p>Score &lt;b&gt;72&lt;/b&gt;</p>",
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  });

  it("lists messages newest first, and an outbox never written to as empty", async () => {
    expect(await listOutbox(directory)).toEqual({ entries: [], total: 0 });
    const transport = createOutboxTransport(directory);
    await transport.send(message("1", "first"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await transport.send(message("2", "second"));
    const listed = await listOutbox(directory);
    expect(listed.total).toBe(2);
    expect(listed.entries.map((entry) => entry.subject)).toEqual(["second", "first"]);
    expect(listed.entries[0]!.bytes).toBeGreaterThan(100);
  });

  it.each(["../etc/passwd", "x.json", "/tmp/a.eml", "2026-03-30T07-00-00-000Z-abcd/../x.eml", ""])("never reads a file named %j", async (name) => {
    expect(isOutboxFileName(name)).toBe(false);
    expect(await readOutboxMessage(directory, name)).toBeNull();
    expect(await readOutboxRaw(directory, name)).toBeNull();
  });
});
