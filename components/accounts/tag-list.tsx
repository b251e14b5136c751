/** Account tags as `key=value` chips; AWS-sourced text, rendered escaped. */
export function TagList({ tags, max = 4 }: { tags: Record<string, string>; max?: number }) {
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  const shown = entries.slice(0, max);
  const hidden = entries.slice(max);
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {shown.map(([key, value]) => (
        <li
          key={key}
          className="max-w-56 truncate rounded border border-zinc-200 bg-zinc-50 px-1.5 py-px font-mono text-[11px] text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          title={`${key}=${value}`}
        >
          {key}={value}
        </li>
      ))}
      {hidden.length > 0 ? (
        <li className="px-1 text-[11px] muted" title={hidden.map(([key, value]) => `${key}=${value}`).join(", ")}>
          +{hidden.length} more
        </li>
      ) : null}
    </ul>
  );
}
