// The Integration Hub's TypeScript client: openapi-fetch (a thin, typed wrapper around the
// platform's fetch, so it runs in browsers and in Node 18+) over the types openapi-typescript
// generates from docs/openapi.json into ./schema.ts (`make clients`; never edit schema.ts).
import createClient, { type Client, type ClientOptions } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export type HubClient = Client<paths>;
/** Every error answer of the hub: `{error: {code, message, details, requestId}}`. */
export type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

export interface HubClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** The API's base URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com */
  baseUrl: string;
  /** A bearer token (the platform's JWT); omit for the public routes. */
  token?: string;
}

export function createHubClient({ baseUrl, token, headers, ...rest }: HubClientOptions): HubClient {
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    headers: { ...auth, ...(headers as Record<string, string> | undefined) },
    ...rest,
  });
}

