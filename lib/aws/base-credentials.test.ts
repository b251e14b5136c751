import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSource, detectBaseCredentials } from "./base-credentials";

let emptyHome = "";
let blackHole: net.Server;
let blackHoleUrl = "";
const blackHoleSockets = new Set<net.Socket>();

beforeAll(async () => {
  emptyHome = await mkdtemp(path.join(os.tmpdir(), "iamfit-empty-home-"));
  // Accepts connections and never answers: what instance metadata looks like off EC2 behind some firewalls.
  blackHole = net.createServer((socket) => {
    blackHoleSockets.add(socket);
    socket.on("close", () => blackHoleSockets.delete(socket));
  });
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  blackHoleUrl = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await rm(emptyHome, { recursive: true, force: true });
  for (const socket of blackHoleSockets) socket.destroy();
  await new Promise((resolve) => blackHole.close(resolve));
});

describe("detectBaseCredentials", () => {
  it("answers not found within 3 s when there are no credentials anywhere", async () => {
    const started = Date.now();
    const detection = await detectBaseCredentials({ HOME: emptyHome });
    expect(detection).toEqual({ found: false, reason: expect.stringContaining("no AWS credentials") });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("answers not found within 3 s even when instance metadata never answers", async () => {
    const started = Date.now();
    const detection = await detectBaseCredentials({ HOME: emptyHome, AWS_EC2_METADATA_SERVICE_ENDPOINT: blackHoleUrl });
    expect(detection.found).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("finds credentials in the environment and says so", async () => {
    const detection = await detectBaseCredentials({
      HOME: emptyHome,
      AWS_ACCESS_KEY_ID: "AKIDENVEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "env-secret-for-tests",
    });
    expect(detection).toMatchObject({ found: true, source: "environment" });
    if (detection.found) expect(await detection.provider()).toMatchObject({ accessKeyId: "AKIDENVEXAMPLE" });
  });

  it("leaves process.env as it was", async () => {
    const before = process.env;
    await detectBaseCredentials({ HOME: emptyHome });
    expect(process.env).toBe(before);
  });
});

describe("describeSource", () => {
  it.each([
    [{ CREDENTIALS_ENV_VARS: "g" }, {}, "environment"],
    [{ CREDENTIALS_PROFILE: "n" }, { AWS_PROFILE: "audit" }, 'shared config files, profile "audit"'],
    [{ CREDENTIALS_PROFILE_SSO: "r", CREDENTIALS_SSO: "s" }, {}, 'IAM Identity Center (SSO), profile "default"'],
    [{ CREDENTIALS_IMDS: "0" }, {}, "EC2 instance metadata"],
    [{ CREDENTIALS_HTTP: "z" }, {}, "container credentials endpoint"],
    [{ CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN: "h" }, {}, "web identity token"],
    [{}, {}, "the AWS SDK default credential chain"],
  ])("names %o as the source", (source, env, expected) => {
    expect(describeSource({ accessKeyId: "a", secretAccessKey: "b", $source: source } as never, env)).toBe(expected);
  });
});
