/**
 * A real SMTP server on loopback for integration tests (smtp-server, the server half of
 * nodemailer's project). It records every accepted message and can be told to refuse the next
 * ones with a given reply, as a mail server under maintenance would.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeFrom: string | null;
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
  authenticatedUser: string | null;
}

export interface SmtpTestServer {
  url(credentials?: { user: string; pass: string }): string;
  received: ReceivedMail[];
  /** The next `count` messages are refused with this reply. */
  refuseNext(count: number, responseCode: number, message: string): void;
  stop(): Promise<void>;
}

export async function startSmtpTestServer(options: { user?: string; pass?: string } = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  let refusals: { count: number; responseCode: number; message: string } = { count: 0, responseCode: 0, message: "" };
  const server = new SMTPServer({
    // No certificate on loopback; TLS is nodemailer's to negotiate against real servers.
    disabledCommands: ["STARTTLS"],
    authOptional: options.user === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals.count > 0) {
          refusals = { ...refusals, count: refusals.count - 1 };
          const error = Object.assign(new Error(refusals.message), { responseCode: refusals.responseCode });
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              envelopeTo: session.envelope.rcptTo.map((address) => address.address),
              raw,
              parsed,
              authenticatedUser: typeof session.user === "string" ? session.user : null,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url(credentials) {
      const auth = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@` : "";
      return `smtp://${auth}127.0.0.1:${port}`;
    },
    received,
    refuseNext(count, responseCode, message) {
      refusals = { count, responseCode, message };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
