/**
 * Reads a serialized AWS request back into the command and its input, with the SDK's own
 * operation schemas: the Action of a query-protocol form, the X-Amz-Target of awsJson, the http
 * trait (method, path, literal query) of restXml and restJson operations.
 */
import * as accessAnalyzer from "@aws-sdk/client-accessanalyzer";
import * as autoScaling from "@aws-sdk/client-auto-scaling";
import * as cloudTrail from "@aws-sdk/client-cloudtrail";
import * as ec2 from "@aws-sdk/client-ec2";
import * as iam from "@aws-sdk/client-iam";
import * as identityStore from "@aws-sdk/client-identitystore";
import * as organizations from "@aws-sdk/client-organizations";
import * as s3 from "@aws-sdk/client-s3";
import * as s3Control from "@aws-sdk/client-s3-control";
import * as ssoAdmin from "@aws-sdk/client-sso-admin";
import * as sts from "@aws-sdk/client-sts";
import { NormalizedSchema } from "@smithy/core/schema";

export type WireProtocol = "awsQuery" | "ec2Query" | "restXml" | "awsJson" | "restJson";

/** [kind 9, namespace, name, traits, input, output], as the clients export them (`GetAccountSummary$`). */
export type OperationSchema = [9, string, string, Record<string, unknown> | 0, unknown, unknown];

export interface WireService {
  clientName: string;
  protocol: WireProtocol;
  /** The XML namespace of query-protocol responses. */
  xmlns?: string;
  operations: Record<string, unknown>;
}

/** By the SigV4 signing name in the request's credential scope (S3 Control signs as "s3", see serviceOf). */
const SERVICES: Record<string, WireService> = {
  iam: { clientName: "IAMClient", protocol: "awsQuery", xmlns: "https://iam.amazonaws.com/doc/2010-05-08/", operations: iam },
  sts: { clientName: "STSClient", protocol: "awsQuery", xmlns: "https://sts.amazonaws.com/doc/2011-06-15/", operations: sts },
  autoscaling: { clientName: "AutoScalingClient", protocol: "awsQuery", xmlns: "http://autoscaling.amazonaws.com/doc/2011-01-01/", operations: autoScaling },
  ec2: { clientName: "EC2Client", protocol: "ec2Query", xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/", operations: ec2 },
  s3: { clientName: "S3Client", protocol: "restXml", operations: s3 },
  cloudtrail: { clientName: "CloudTrailClient", protocol: "awsJson", operations: cloudTrail },
  organizations: { clientName: "OrganizationsClient", protocol: "awsJson", operations: organizations },
  "access-analyzer": { clientName: "AccessAnalyzerClient", protocol: "restJson", operations: accessAnalyzer },
  // IAM Identity Center signs as "sso".
  sso: { clientName: "SSOAdminClient", protocol: "awsJson", operations: ssoAdmin },
  identitystore: { clientName: "IdentitystoreClient", protocol: "awsJson", operations: identityStore },
};
const S3_CONTROL: WireService = { clientName: "S3ControlClient", protocol: "restXml", operations: s3Control };

export function serviceOf(signingName: string, path: string): WireService | undefined {
  if (signingName === "s3" && path.startsWith("/v20180820/")) return S3_CONTROL;
  return SERVICES[signingName];
}

export interface WireRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface DecodedRequest {
  operation: string;
  schema: OperationSchema;
  input: Record<string, unknown>;
}

function operationSchema(service: WireService, name: string): OperationSchema | undefined {
  const schema = service.operations[`${name}$`];
  return Array.isArray(schema) && schema[0] === 9 ? (schema as OperationSchema) : undefined;
}

export function decodeRequest(service: WireService, request: WireRequest): DecodedRequest | undefined {
  switch (service.protocol) {
    case "awsQuery":
    case "ec2Query": {
      const form = new URLSearchParams(request.body);
      const operation = form.get("Action") ?? "";
      const schema = operationSchema(service, operation);
      if (!schema) return undefined;
      const fields = new Map([...form.entries()]);
      const input = readQuery(schema[4], fields, "", service.protocol === "ec2Query") ?? {};
      return { operation, schema, input: input as Record<string, unknown> };
    }
    case "awsJson": {
      const operation = (request.headers["x-amz-target"] ?? "").split(".").pop() ?? "";
      const schema = operationSchema(service, operation);
      if (!schema) return undefined;
      return { operation, schema, input: request.body ? (readJson(schema[4], JSON.parse(request.body), false) as Record<string, unknown>) : {} };
    }
    case "restXml":
    case "restJson":
      return decodeRest(service, request);
  }
}

/** The query protocols' keys, as the SDK's QueryShapeSerializer writes them. */
function queryKey(memberName: string, traits: Record<string, unknown>, ec2: boolean, isStructMember: boolean): string {
  if (ec2 && typeof traits.ec2QueryName === "string") return traits.ec2QueryName;
  const key = (traits.xmlName as string | undefined) ?? memberName;
  return ec2 && isStructMember ? key[0]!.toUpperCase() + key.slice(1) : key;
}

function hasKeyUnder(fields: Map<string, string>, key: string): boolean {
  for (const name of fields.keys()) if (name === key || name.startsWith(`${key}.`)) return true;
  return false;
}

function readQuery(schema: unknown, fields: Map<string, string>, key: string, ec2: boolean): unknown {
  const ns = NormalizedSchema.of(schema as never);
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    for (const [memberName, member] of ns.structIterator()) {
      const memberKey = `${key ? `${key}.` : ""}${queryKey(memberName, member.getMergedTraits(), ec2, true)}`;
      if (!hasKeyUnder(fields, memberKey)) continue;
      out[memberName] = readQuery(member, fields, memberKey, ec2);
    }
    return out;
  }
  if (ns.isListSchema()) {
    const item = ns.getValueSchema();
    const flat = ec2 || Boolean(ns.getMergedTraits().xmlFlattened);
    const prefix = flat ? key : `${key}.${queryKey("member", item.getMergedTraits(), ec2, false)}`;
    const items: unknown[] = [];
    for (let index = 1; hasKeyUnder(fields, `${prefix}.${index}`); index++) items.push(readQuery(item, fields, `${prefix}.${index}`, ec2));
    return items;
  }
  if (ns.isMapSchema()) {
    const flat = Boolean(ns.getMergedTraits().xmlFlattened);
    const out: Record<string, unknown> = {};
    for (let index = 1; ; index++) {
      const entry = flat ? `${key}.${index}` : `${key}.entry.${index}`;
      const entryKey = fields.get(`${entry}.key`);
      if (entryKey === undefined) break;
      out[entryKey] = readQuery(ns.getValueSchema(), fields, `${entry}.value`, ec2);
    }
    return out;
  }
  return scalar(ns, fields.get(key));
}

function scalar(ns: NormalizedSchema, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  if (ns.isBooleanSchema()) return text === "true";
  if (ns.isNumericSchema()) return Number(text);
  if (ns.isTimestampSchema()) return /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  return text;
}

function readJson(schema: unknown, value: unknown, useJsonName: boolean): unknown {
  const ns = NormalizedSchema.of(schema as never);
  if (value == null) return value;
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const [memberName, member] of ns.structIterator()) {
      const name = useJsonName ? ((member.getMergedTraits().jsonName as string | undefined) ?? memberName) : memberName;
      if (record[name] != null) out[memberName] = readJson(member, record[name], useJsonName);
    }
    return out;
  }
  if (ns.isListSchema()) return (value as unknown[]).map((item) => readJson(ns.getValueSchema(), item, useJsonName));
  if (ns.isTimestampSchema() && typeof value === "number") return new Date(value * 1000);
  return value;
}

/** The path and literal query of an operation's http trait, e.g. ["GET", "/?policy", 200]. */
function httpTrait(schema: OperationSchema): { method: string; path: string[]; query: [string, string | undefined][] } | undefined {
  const traits = schema[3];
  const http = traits && (traits as Record<string, unknown>).http;
  if (!Array.isArray(http)) return undefined;
  const [path = "", query = ""] = String(http[1]).split("?");
  return {
    method: String(http[0]),
    path: path.split("/").filter(Boolean),
    query: query ? query.split("&").map((pair) => pair.split("=") as [string, string | undefined]) : [],
  };
}

function decodeRest(service: WireService, request: WireRequest): DecodedRequest | undefined {
  const url = new URL(request.url, "http://sandbox.invalid");
  let segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  // Path-style S3 (forcePathStyle, what iamfit uses at custom endpoints) puts the bucket first.
  let bucket: string | undefined;
  if (service.clientName === "S3Client" && segments.length > 0) [bucket, ...segments] = segments;

  let best: { operation: string; schema: OperationSchema; labels: Record<string, string>; score: number } | undefined;
  for (const [exportName, value] of Object.entries(service.operations)) {
    if (!exportName.endsWith("$") || !Array.isArray(value) || value[0] !== 9) continue;
    const schema = value as OperationSchema;
    const http = httpTrait(schema);
    if (!http || http.method !== request.method) continue;
    if (!http.query.every(([name, literal]) => url.searchParams.has(name) && (literal === undefined || url.searchParams.get(name) === literal))) continue;
    const labels = matchPath(http.path, segments);
    if (!labels) continue;
    const input = NormalizedSchema.of(schema[4] as never);
    const memberNames = input.isStructSchema() ? [...input.structIterator()].map(([name]) => name) : [];
    if (bucket !== undefined && !memberNames.includes("Bucket")) continue;
    const score = http.query.length * 10 + http.path.length;
    if (!best || score > best.score) best = { operation: schema[2], schema, labels, score };
  }
  if (!best) return undefined;
  if (bucket !== undefined) best.labels.Bucket = bucket;
  return { operation: best.operation, schema: best.schema, input: readRestInput(best.schema, best.labels, url, request, service.protocol) };
}

function matchPath(template: string[], segments: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let index = 0; index < template.length; index++) {
    const part = template[index]!;
    const label = /^\{(\w+)(\+?)\}$/.exec(part);
    if (label?.[2]) {
      // A greedy label (an object key) is never empty: `/bucket?acl` is the bucket's ACL, not an object's.
      if (segments.length <= index) return undefined;
      labels[label[1]!] = segments.slice(index).join("/");
      return labels;
    }
    const segment = segments[index];
    if (segment === undefined) return undefined;
    if (label) labels[label[1]!] = segment;
    else if (part !== segment) return undefined;
  }
  return segments.length === template.length ? labels : undefined;
}

function readRestInput(schema: OperationSchema, labels: Record<string, string>, url: URL, request: WireRequest, protocol: WireProtocol): Record<string, unknown> {
  const input = NormalizedSchema.of(schema[4] as never);
  const out: Record<string, unknown> = {};
  if (!input.isStructSchema()) return out;
  const body = protocol === "restJson" && request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
  for (const [memberName, member] of input.structIterator()) {
    const traits = member.getMergedTraits() as Record<string, unknown>;
    if (traits.httpLabel) {
      if (labels[memberName] !== undefined) out[memberName] = labels[memberName];
    } else if (typeof traits.httpQuery === "string") {
      const values = url.searchParams.getAll(traits.httpQuery);
      if (values.length > 0) out[memberName] = member.isListSchema() ? values : scalar(member, values[0]);
    } else if (typeof traits.httpHeader === "string") {
      const value = request.headers[traits.httpHeader.toLowerCase()];
      if (value !== undefined) out[memberName] = scalar(member, value);
    } else if (protocol === "restJson") {
      const name = (traits.jsonName as string | undefined) ?? memberName;
      if (body[name] != null) out[memberName] = readJson(member, body[name], true);
    }
  }
  return out;
}
