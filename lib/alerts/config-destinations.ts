/**
 * Alert destinations declared in iamfit.config.json: created or updated by name, and removed when
 * the file no longer declares them. The file is the truth for its own destinations; ones added in
 * the UI are never touched, and a file destination cannot take a UI destination's name.
 */
import "server-only";
import { createDestination, deleteConfigDestinationsExcept, listStoredDestinations, updateDestination } from "@/lib/db/alert-destinations";
import type { DeclaredAlertDestination } from "@/lib/onboarding/config-file";
import { sealAlertSecret } from "./secret-box";

export interface AlertConfigResult {
  created: string[];
  updated: string[];
  removed: number;
  /** Declared destinations not applied, with why. */
  refused: string[];
}

export async function applyConfigAlertDestinations(declared: DeclaredAlertDestination[], key: string): Promise<AlertConfigResult> {
  const existing = new Map((await listStoredDestinations()).map((destination) => [destination.name, destination]));
  const result: AlertConfigResult = { created: [], updated: [], removed: 0, refused: [] };
  for (const { settings, secretEnv } of declared) {
    const write = {
      settings,
      source: "config" as const,
      urlEncrypted: await sealAlertSecret(settings.url, key),
      secretEncrypted: null,
      secretEnv,
      host: new URL(settings.url).host,
    };
    const current = existing.get(settings.name);
    if (current?.source === "ui") {
      result.refused.push(`${settings.name}: a destination with this name was added in the web interface; rename one of them`);
    } else if (current) {
      await updateDestination(current.id, write);
      result.updated.push(settings.name);
    } else {
      await createDestination(write);
      result.created.push(settings.name);
    }
  }
  result.removed = await deleteConfigDestinationsExcept(declared.map((entry) => entry.settings.name));
  return result;
}
