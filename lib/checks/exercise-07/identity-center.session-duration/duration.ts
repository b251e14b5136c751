/** ISO 8601 durations as permission sets carry them ("PT8H", "PT1H30M"); AWS allows 1 to 12 hours. */
const DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;

/** Seconds, or null for text that is not a duration of hours, minutes and seconds. */
export function durationSeconds(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match || text === "PT") return null;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export function durationInWords(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  const parts = [hours > 0 && `${hours} hour${hours === 1 ? "" : "s"}`, minutes > 0 && `${minutes} minute${minutes === 1 ? "" : "s"}`].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : `${seconds} seconds`;
}
