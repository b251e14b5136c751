/**
 * Alert destinations. URLs and signing secrets entered in the UI are stored encrypted with the
 * auth secret (a Slack or Teams webhook URL is itself a credential); destinations from
 * iamfit.config.json name the variable that holds their secret. Neither is ever returned to a
 * page: views carry the URL's host only.
 */
import "server-only";
import type { Severity } from "@/lib/checks/types";
import { scopeFromColumns, scopeToColumns, type AlertDestinationSettings, type AlertEventType, type AlertScope, type DestinationType } from "@/lib/alerts/destination";
import { db } from "./client";

export interface AlertDestinationView {
  id: string;
  name: string;
  type: DestinationType;
  source: "ui" | "config";
  /** Where it goes, without path or query (those may hold the webhook's token). */
  host: string;
  minSeverity: Severity;
  events: AlertEventType[];
  scope: AlertScope;
  enabled: boolean;
  secretEnv: string | null;
  hasSecret: boolean;
  createdAt: Date;
  /** The latest delivery's outcome, and how many in a row failed up to now. */
  lastDelivery: { status: string; at: Date; responseStatus: number | null; error: string | null } | null;
  failedInRow: number;
}

export interface StoredDestination {
  id: string;
  name: string;
  type: DestinationType;
  source: "ui" | "config";
  urlEncrypted: string;
  secretEncrypted: string | null;
  secretEnv: string | null;
  minSeverity: Severity;
  events: AlertEventType[];
  scope: AlertScope;
  enabled: boolean;
  createdAt: Date;
}

type DestinationRow = {
  id: string;
  name: string;
  type: string;
  source: string;
  urlEncrypted: string;
  urlHost: string;
  secretEncrypted: string | null;
  secretEnv: string | null;
  minSeverity: string;
  events: string[];
  scope: string;
  scopeAccounts: string[];
  scopeOus: string[];
  scopeTags: string[];
  enabled: boolean;
  createdAt: Date;
};

function toStored(row: DestinationRow): StoredDestination {
  return {
    id: row.id,
    name: row.name,
    type: row.type as DestinationType,
    source: row.source as "ui" | "config",
    urlEncrypted: row.urlEncrypted,
    secretEncrypted: row.secretEncrypted,
    secretEnv: row.secretEnv,
    minSeverity: row.minSeverity as Severity,
    events: row.events as AlertEventType[],
    scope: scopeFromColumns(row),
    enabled: row.enabled,
    createdAt: row.createdAt,
  };
}

export async function listStoredDestinations(options: { enabledOnly?: boolean } = {}): Promise<StoredDestination[]> {
  const rows = await db().alertDestination.findMany({ where: options.enabledOnly ? { enabled: true } : {}, orderBy: { name: "asc" } });
  return rows.map(toStored);
}

export async function getStoredDestination(id: string): Promise<StoredDestination | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db().alertDestination.findUnique({ where: { id } });
  return row ? toStored(row) : null;
}

export interface DestinationWrite {
  settings: AlertDestinationSettings;
  source: "ui" | "config";
  urlEncrypted: string;
  secretEncrypted: string | null;
  secretEnv: string | null;
  host: string;
}

function columnsOf(write: DestinationWrite) {
  return {
    name: write.settings.name,
    type: write.settings.type,
    source: write.source,
    urlEncrypted: write.urlEncrypted,
    urlHost: write.host,
    secretEncrypted: write.secretEncrypted,
    secretEnv: write.secretEnv,
    minSeverity: write.settings.minSeverity,
    events: write.settings.events,
    ...scopeToColumns(write.settings.scope),
  };
}

export class DuplicateDestinationNameError extends Error {
  constructor(name: string) {
    super(`A destination named "${name}" already exists.`);
  }
}

export async function createDestination(write: DestinationWrite): Promise<string> {
  try {
    const row = await db().alertDestination.create({ data: columnsOf(write), select: { id: true } });
    return row.id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new DuplicateDestinationNameError(write.settings.name);
    throw error;
  }
}

export async function updateDestination(id: string, write: DestinationWrite): Promise<void> {
  await db().alertDestination.update({ where: { id }, data: columnsOf(write) });
}

export async function setDestinationEnabled(id: string, enabled: boolean): Promise<void> {
  await db().alertDestination.update({ where: { id }, data: { enabled } });
}

export async function deleteDestination(id: string): Promise<void> {
  await db().alertDestination.deleteMany({ where: { id } });
}

/** Config destinations whose names are not in `keep` are removed (the file is the truth for them). */
export async function deleteConfigDestinationsExcept(keep: string[]): Promise<number> {
  const result = await db().alertDestination.deleteMany({ where: { source: "config", name: { notIn: keep } } });
  return result.count;
}

export async function listDestinationViews(): Promise<AlertDestinationView[]> {
  const stored = await db().alertDestination.findMany({ orderBy: { name: "asc" } });
  const latest = await db().$queryRaw<Array<{ destination_id: string; status: string; at: Date; response_status: number | null; last_error: string | null; failed_in_row: number }>>`
    SELECT DISTINCT ON (d.destination_id) d.destination_id::text, d.status, coalesce(d.sent_at, d.created_at) AS at, d.response_status, d.last_error,
      (SELECT count(*)::int FROM alert_delivery f
        WHERE f.destination_id = d.destination_id AND f.status = 'failed'
          AND f.created_at > coalesce((SELECT max(s.created_at) FROM alert_delivery s WHERE s.destination_id = d.destination_id AND s.status = 'sent'), '-infinity')) AS failed_in_row
    FROM alert_delivery d
    ORDER BY d.destination_id, d.created_at DESC, d.id DESC`;
  const byDestination = new Map(latest.map((row) => [row.destination_id, row]));
  return stored.map((row) => {
    const destination = toStored(row);
    const last = byDestination.get(destination.id);
    return {
      id: destination.id,
      name: destination.name,
      type: destination.type,
      source: destination.source,
      host: row.urlHost,
      minSeverity: destination.minSeverity,
      events: destination.events,
      scope: destination.scope,
      enabled: destination.enabled,
      secretEnv: destination.secretEnv,
      hasSecret: destination.secretEncrypted !== null || destination.secretEnv !== null,
      createdAt: destination.createdAt,
      lastDelivery: last ? { status: last.status, at: last.at, responseStatus: last.response_status, error: last.last_error } : null,
      failedInRow: last?.failed_in_row ?? 0,
    };
  });
}
