import { formatDistanceStrict } from "date-fns";

/**
 * "3 minutes ago", with the exact UTC time as a tooltip and in the machine-readable attribute.
 * Rendered on the server at request time (every page is dynamic), so `now` is the request's.
 */
export function RelativeTime({ date, now = new Date(), fallback = "—" }: { date: Date | string | null | undefined; now?: Date; fallback?: string }) {
  if (!date) return <span className="muted">{fallback}</span>;
  const value = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={value.toISOString()} title={formatUtc(value)}>
      {formatDistanceStrict(value, now, { addSuffix: true })}
    </time>
  );
}

export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "2 min 5 s" between two instants; "—" when either is missing. */
export function formatDuration(start: Date | null, end: Date | null): string {
  if (!start || !end) return "—";
  const seconds = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
