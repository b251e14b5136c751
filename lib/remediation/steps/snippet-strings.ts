/**
 * Untrusted names inside CloudFormation, Terraform and JSON snippets: each language gets a
 * string literal it cannot misread, and identifiers (logical ids, resource labels) are derived,
 * never copied.
 */

/** A JSON string is a valid YAML double-quoted scalar and a valid JSON value. */
export function quotedString(value: string): string {
  return JSON.stringify(value);
}

/** HCL strings also interpolate `${…}` and `%{…}`; doubling the sigil makes them literal. */
export function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/** A Terraform resource label or CloudFormation logical id made of letters and digits only. */
export function identifier(prefix: string, name: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  const body = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("").slice(0, 48);
  return `${prefix}${body}`;
}

export function snakeIdentifier(prefix: string, name: string): string {
  const words = (name.match(/[A-Za-z0-9]+/g) ?? []).map((word) => word.toLowerCase());
  return [prefix, ...words].join("_").slice(0, 64);
}
