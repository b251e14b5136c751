/**
 * Writes command outputs as AWS puts them on the wire, driven by the SDK's own shape schemas
 * (the member traits xmlName, xmlFlattened, xmlAttribute, jsonName and the http bindings):
 * XML for the query protocols and restXml, JSON for awsJson and restJson. The SDK ships no
 * server-side serializers; these follow the Smithy protocol specifications, and AWS's own sample
 * responses (lib/aws/testing/aws-samples) check the deserializers against the real format.
 */
import { NormalizedSchema } from "@smithy/core/schema";

type Schema = Parameters<typeof NormalizedSchema.of>[0];

const HTTP_BINDINGS = ["httpHeader", "httpLabel", "httpQuery", "httpQueryParams", "httpResponseCode", "httpPrefixHeaders"] as const;

export function isHttpBound(member: NormalizedSchema): boolean {
  const traits = member.getMergedTraits() as Record<string, unknown>;
  return HTTP_BINDINGS.some((trait) => traits[trait] !== undefined);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Smithy timestamp schema ids: 5 date-time, 6 http-date, 7 epoch-seconds, 4 the protocol's default. */
function timestampText(ns: NormalizedSchema, value: Date, protocolDefault: 5 | 7): string | number {
  const format = ns.getSchema() === 4 ? protocolDefault : ns.getSchema();
  if (format === 6) return value.toUTCString();
  if (format === 7) return value.getTime() / 1000;
  return value.toISOString().replace(".000Z", "Z");
}

function scalarText(ns: NormalizedSchema, value: unknown): string {
  if (value instanceof Date) return String(timestampText(ns, value, 5));
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return String(value);
}

/** The children of an element holding `value` of shape `ns` (a structure's members, a list's items…). */
export function xmlContent(schema: Schema, value: unknown): { attributes: string; content: string } {
  const ns = NormalizedSchema.of(schema);
  if (ns.isStructSchema()) {
    let attributes = "";
    let content = "";
    const record = value as Record<string, unknown>;
    for (const [memberName, member] of ns.structIterator()) {
      const memberValue = record[memberName];
      if (memberValue == null || isHttpBound(member)) continue;
      const traits = member.getMergedTraits();
      const name = (member.getMemberTraits().xmlName as string | undefined) ?? memberName;
      if (traits.xmlAttribute) {
        if (name.startsWith("xsi:")) attributes += ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
        attributes += ` ${name}="${escapeXml(scalarText(member, memberValue))}"`;
      } else if (traits.xmlFlattened && member.isListSchema()) {
        for (const item of memberValue as unknown[]) content += xmlElement(name, member.getValueSchema(), item);
      } else {
        content += xmlElement(name, member, memberValue);
      }
    }
    return { attributes, content };
  }
  if (ns.isListSchema()) {
    const item = ns.getValueSchema();
    const itemName = (item.getMergedTraits().xmlName as string | undefined) ?? "member";
    return { attributes: "", content: (value as unknown[]).map((entry) => xmlElement(itemName, item, entry)).join("") };
  }
  if (ns.isMapSchema()) {
    const keyName = (ns.getKeySchema().getMergedTraits().xmlName as string | undefined) ?? "key";
    const valueSchema = ns.getValueSchema();
    const valueName = (valueSchema.getMergedTraits().xmlName as string | undefined) ?? "value";
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, entry]) => `<entry><${keyName}>${escapeXml(key)}</${keyName}>${xmlElement(valueName, valueSchema, entry)}</entry>`,
    );
    return { attributes: "", content: entries.join("") };
  }
  return { attributes: "", content: escapeXml(scalarText(ns, value)) };
}

export function xmlElement(name: string, schema: Schema, value: unknown): string {
  const { attributes, content } = xmlContent(schema, value);
  return content ? `<${name}${attributes}>${content}</${name}>` : `<${name}${attributes}/>`;
}

/** JSON as awsJson1_0/1_1 (member names) or restJson1 (jsonName) write it. */
export function jsonValue(schema: Schema, value: unknown, useJsonName: boolean): unknown {
  const ns = NormalizedSchema.of(schema);
  if (value == null) return value;
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const [memberName, member] of ns.structIterator()) {
      if (record[memberName] == null || isHttpBound(member)) continue;
      const name = useJsonName ? ((member.getMergedTraits().jsonName as string | undefined) ?? memberName) : memberName;
      out[name] = jsonValue(member, record[memberName], useJsonName);
    }
    return out;
  }
  if (ns.isListSchema()) return (value as unknown[]).map((item) => jsonValue(ns.getValueSchema(), item, useJsonName));
  if (ns.isMapSchema()) {
    const valueSchema = ns.getValueSchema();
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, entry]) => [key, jsonValue(valueSchema, entry, useJsonName)]));
  }
  if (value instanceof Date) return timestampText(ns, value, 7);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}
