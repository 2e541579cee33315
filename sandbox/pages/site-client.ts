/**
 * The pages read and write through the site's own REST API, as the chosen user (HTTP Basic with their email),
 * over loopback HTTP: every write goes through the same REST code and fires the same product events.
 */

export interface SiteReply<T = unknown> {
  status: number;
  body: T;
}

export type SiteClient = <T = unknown>(method: string, path: string, body?: unknown) => Promise<SiteReply<T>>;

/**
 * A client acting as `email` against the site at `baseUrl`.
 * @example await siteClient('http://127.0.0.1:3000', 'agent1@sandbox.test')('GET', '/rest/api/3/myself') //=> { status: 200, body: { accountId, ... } }
 */
export function siteClient(baseUrl: string, email: string): SiteClient {
  const authorization = `Basic ${Buffer.from(`${email}:sandbox`).toString('base64')}`;
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** The error messages of a Jira error body, joined. */
export function errorText(body: unknown): string {
  const b = (body ?? {}) as {
    errorMessages?: string[];
    errors?: Record<string, string>;
    errorMessage?: string;
    message?: string;
  };
  return (
    [...(b.errorMessages ?? []), ...Object.values(b.errors ?? {}), b.errorMessage, b.message]
      .filter(Boolean)
      .join('; ') || 'failed'
  );
}
