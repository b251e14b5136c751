/**
 * The link form's tags box: one `key=value` per line (values may contain "=" and ","), blank
 * lines ignored. Length rules are the link-input schema's; here only the shape and AWS's limit
 * of 50 tags per resource with unique keys.
 */
export const MAX_TAGS = 50;

export type TagLinesResult = { ok: true; tags: Record<string, string> } | { ok: false; error: string };

export function parseTagLines(text: string): TagLinesResult {
  const tags: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf("=");
    const key = at > 0 ? line.slice(0, at).trim() : "";
    if (!key) return { ok: false, error: `line ${index + 1} ("${truncate(line)}") must look like key=value` };
    if (Object.hasOwn(tags, key)) return { ok: false, error: `line ${index + 1}: the key "${truncate(key)}" appears twice` };
    tags[key] = line.slice(at + 1).trim();
  }
  if (Object.keys(tags).length > MAX_TAGS) return { ok: false, error: `at most ${MAX_TAGS} tags` };
  return { ok: true, tags };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
