/** The public base URL for the request being served (pages and server actions; route handlers pass their own headers). */
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { publicBaseUrl } from "./public-url";

export async function requestPublicBaseUrl(): Promise<string> {
  return publicBaseUrl(env(), await headers());
}
