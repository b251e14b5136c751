/**
 * Links that change one piece of URL state (page, sort, filter) and keep the rest, so every
 * view stays linkable. Empty values are dropped to keep URLs short.
 */
export type UrlState = Record<string, string | number | undefined | null>;

export function hrefWith(pathname: string, state: UrlState, changes: UrlState = {}): string {
  const merged = { ...state, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
