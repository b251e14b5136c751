/**
 * Discovery against real HTTP servers on loopback: redirects are followed only where the URL rule
 * allows, endpoints are held to the same rule, and failures before an HTTP answer read alike, so
 * "Test discovery" cannot be used to tell open, closed and filtered ports apart.
 *
 * "Elsewhere" is http://[::ffff:7f00:1]: an address the rule does not count as this machine (it is
 * not localhost, 127.x or [::1]) although it reaches this machine, so nothing leaves it even when
 * a hop is wrongly followed; the server there counts the requests it gets.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { discoverOidcProvider, MAX_REDIRECTS } from "./sso-discovery";

const running: Array<{ close(): void }> = [];
afterEach(() => {
  for (const server of running.splice(0)) server.close();
});

interface TestServer {
  port: number;
  /** This machine's plain-http address, allowed by the rule. */
  loopback: string;
  /** The same server through an address the rule refuses for plain http. */
  elsewhere: string;
  requests: string[];
}

async function startServer(handle: (request: http.IncomingMessage, response: http.ServerResponse, server: TestServer) => void): Promise<TestServer> {
  const requests: string[] = [];
  const state = { port: 0, loopback: "", elsewhere: "", requests };
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? "");
    handle(request, response, state);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  state.loopback = `http://127.0.0.1:${state.port}`;
  state.elsewhere = `http://[::ffff:7f00:1]:${state.port}`;
  running.push({ close: () => (server.closeAllConnections(), server.close()) });
  return state;
}

function json(response: http.ServerResponse, body: unknown): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function redirect(response: http.ServerResponse, location: string, status = 302): void {
  response.writeHead(status, { location });
  response.end();
}

function discoveryDocument(issuer: string, keysAt = `${issuer}/jwks`) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: keysAt,
    response_types_supported: ["code"],
    id_token_signing_alg_values_supported: ["RS256"],
    code_challenge_methods_supported: ["S256"],
  };
}

const JWKS = { keys: [{ kty: "RSA", n: "x", e: "AQAB", kid: "k1" }] };

describe("redirects during discovery", () => {
  it("does not follow an issuer on this machine that redirects to plain http elsewhere", async () => {
    // One server plays both parts: the issuer on 127.0.0.1, and "elsewhere", which would serve a
    // perfectly good document if the redirect were followed.
    const server = await startServer((request, response, self) => {
      const host = request.headers.host ?? "";
      if (host.startsWith("127.0.0.1")) {
        if (request.url === "/jwks") return json(response, JWKS);
        return redirect(response, `${self.elsewhere}/.well-known/openid-configuration`);
      }
      json(response, discoveryDocument(self.loopback));
    });
    const result = await discoverOidcProvider(server.loopback);
    expect(result).toEqual({
      ok: false,
      message:
        `Could not read the discovery document at ${server.loopback}/.well-known/openid-configuration: ` +
        `${server.loopback}/.well-known/openid-configuration redirects to ${server.elsewhere}/.well-known/openid-configuration, ` +
        "which iamfit does not follow: use https:// (plain http:// only for an identity provider on this machine).",
    });
    expect(server.requests).toEqual(["/.well-known/openid-configuration"]);
  });

  it("checks every hop, not only the first: a second redirect to plain http elsewhere is refused too", async () => {
    const server = await startServer((request, response, self) => {
      if (request.url === "/.well-known/openid-configuration") return redirect(response, "/tenant/.well-known/openid-configuration", 301);
      if (request.url === "/tenant/.well-known/openid-configuration") return redirect(response, `${self.elsewhere}/doc`, 307);
      json(response, discoveryDocument(self.loopback));
    });
    const result = await discoverOidcProvider(server.loopback);
    expect(result.ok === false && result.message).toContain(`redirects to ${server.elsewhere}/doc, which iamfit does not follow`);
    expect(server.requests).toEqual(["/.well-known/openid-configuration", "/tenant/.well-known/openid-configuration"]);
  });

  it("follows redirects the rule allows (a relative one on the same issuer) and reads the provider", async () => {
    const server = await startServer((request, response, self) => {
      if (request.url === "/.well-known/openid-configuration") return redirect(response, "/v2/openid-configuration", 308);
      if (request.url === "/v2/openid-configuration") return json(response, discoveryDocument(self.loopback));
      if (request.url === "/jwks") return redirect(response, "/v2/jwks");
      json(response, JWKS);
    });
    const result = await discoverOidcProvider(server.loopback);
    expect(result).toMatchObject({ ok: true, provider: { issuer: server.loopback, signingKeyCount: 1 } });
    expect(server.requests).toEqual(["/.well-known/openid-configuration", "/v2/openid-configuration", "/jwks", "/v2/jwks"]);
  });

  it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
    const server = await startServer((request, response) => redirect(response, `/loop${server.requests.length}`));
    const result = await discoverOidcProvider(server.loopback);
    expect(result.ok === false && result.message).toMatch(new RegExp(`redirects more than ${MAX_REDIRECTS} times`));
    expect(server.requests).toHaveLength(MAX_REDIRECTS + 1);
  });
});

describe("endpoints the discovery document names", () => {
  it("does not fetch signing keys from a plain-http address elsewhere", async () => {
    const server = await startServer((request, response, self) => {
      if (request.url === "/.well-known/openid-configuration") return json(response, discoveryDocument(self.loopback, `${self.elsewhere}/jwks`));
      json(response, JWKS);
    });
    const result = await discoverOidcProvider(server.loopback);
    expect(result).toEqual({
      ok: false,
      message: `The provider names ${server.elsewhere}/jwks as its signing key set, which iamfit does not use: use https:// (plain http:// only for an identity provider on this machine).`,
    });
    expect(server.requests).toEqual(["/.well-known/openid-configuration"]);
  });

  it("refuses a token endpoint on plain http elsewhere (iamfit's server would send it the client secret)", async () => {
    const server = await startServer((request, response, self) => {
      if (request.url === "/.well-known/openid-configuration") return json(response, { ...discoveryDocument(self.loopback), token_endpoint: "http://idp.example.test/token" });
      json(response, JWKS);
    });
    const result = await discoverOidcProvider(server.loopback);
    expect(result.ok === false && result.message).toMatch(/names http:\/\/idp.example.test\/token as its token endpoint, which iamfit does not use/);
  });
});

describe("failures before an HTTP answer", () => {
  /** Ports that a port scan tells apart: closed, resetting, silent (filtered) and a non-HTTP service. */
  async function portsOfEveryKind(): Promise<Record<string, number>> {
    const listen = async (server: net.Server) => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const sockets = new Set<net.Socket>();
      server.on("connection", (socket) => sockets.add(socket));
      running.push({ close: () => (sockets.forEach((socket) => socket.destroy()), server.close()) });
      return (server.address() as AddressInfo).port;
    };
    const closedServer = net.createServer();
    await new Promise<void>((resolve) => closedServer.listen(0, "127.0.0.1", resolve));
    const closed = (closedServer.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closedServer.close(() => resolve()));
    return {
      closed,
      reset: await listen(net.createServer((socket) => socket.resetAndDestroy())),
      silent: await listen(net.createServer(() => undefined)),
      ssh: await listen(net.createServer((socket) => socket.end("SSH-2.0-OpenSSH_9.6\r\n"))),
    };
  }

  it("reads the same for a closed, a resetting, a silent and a non-HTTP port", async () => {
    const ports = await portsOfEveryKind();
    const messages = await Promise.all(
      Object.entries(ports).map(async ([kind, port]) => {
        const result = await discoverOidcProvider(`http://127.0.0.1:${port}`, { timeoutMs: 1_000 });
        return [kind, result.ok ? "ok" : result.message.replaceAll(String(port), "<port>")] as const;
      }),
    );
    const expected =
      "Could not read the discovery document at http://127.0.0.1:<port>/.well-known/openid-configuration: " +
      "could not reach 127.0.0.1:<port>: no HTTP answer came back. Check the address, and that iamfit's server may connect to it (firewall, proxy).";
    expect(Object.fromEntries(messages)).toEqual({ closed: expected, reset: expected, silent: expected, ssh: expected });
  });

  it("still tells an issuer that answered apart: its HTTP status, or a document that is not JSON", async () => {
    const server = await startServer((request, response) => {
      if (request.url?.startsWith("/missing")) {
        response.writeHead(404);
        return response.end("no");
      }
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html>sign in</html>");
    });
    const missing = await discoverOidcProvider(`${server.loopback}/missing`);
    expect(missing.ok === false && missing.message).toMatch(/the server answered HTTP 404 \(is the issuer URL right\?\)/);
    const html = await discoverOidcProvider(server.loopback);
    expect(html.ok === false && html.message).toMatch(/the server answered, but the discovery document is not valid JSON\.$/);
  });
});
