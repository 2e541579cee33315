/**
 * Profile visibility: a person who hides their email address in their Atlassian profile is shown without it to
 * everyone else, apps included. Atlassian's OpenAPI spec (User, UserDetails: "The email address of the user.
 * Depending on the user's privacy setting, this may be returned as null") and "Profile visibility"
 * (https://developer.atlassian.com/cloud/jira/platform/profile-visibility/: "if the user has chosen to hide fields
 * in their profile, your apps will not be able to retrieve those fields via the API"). The sandbox leaves the
 * field out (what "not able to retrieve" means for a schema that declares it a string), on every REST answer of
 * the site, the platform's and JSM's alike; the person themselves still sees it (GET /myself).
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from './context';

/**
 * Removes the `emailAddress` of `hidden` addresses from a JSON value, in place.
 * @example withoutHiddenEmails({ emailAddress: 'a@b.c' }, new Set(['a@b.c'])) //=> {}
 */
export function withoutHiddenEmails(value: unknown, hidden: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) value.forEach((v) => withoutHiddenEmails(v, hidden));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.emailAddress === 'string' && hidden.has(record.emailAddress.toLowerCase()))
      delete record.emailAddress;
    Object.values(record).forEach((v) => withoutHiddenEmails(v, hidden));
  }
  return value;
}

/**
 * Filters every JSON answer of the site's REST API (/rest/...) for the caller.
 * @example installPrivacyFilter(scope, ctx)
 */
export function installPrivacyFilter(app: FastifyInstance, ctx: SiteContext): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    if (typeof payload !== 'string' || !request.url.startsWith('/rest/')) return payload;
    const hidden = ctx.users.hiddenEmails();
    const caller = ctx.auth.identify(request);
    if (caller) hidden.delete(caller.emailAddress.toLowerCase());
    const lower = payload.toLowerCase();
    if (![...hidden].some((email) => lower.includes(email))) return payload;
    try {
      return JSON.stringify(withoutHiddenEmails(JSON.parse(payload), hidden));
    } catch {
      return payload;
    }
  });
}
