/**
 * Who is calling: HTTP Basic `emailAddress:anything` for people (as Jira's API tokens), or the runtime's
 * in-memory secret token for calls the app makes as itself or as a user.
 */
import { randomBytes } from 'crypto';
import type { FastifyRequest } from 'fastify';
import { allowsAnonymous } from './anonymous';
import { JiraHttpError } from './errors';
import { ANONYMOUS, type SiteUser, type UserDirectory } from './users';

const INTERNAL_SCHEME = 'SandboxInternal';

export class Authenticator {
  private readonly secret = randomBytes(24).toString('hex');

  constructor(private readonly users: UserDirectory) {}

  /**
   * Headers that authenticate a runtime call as this account (the app's or a user's).
   * @example auth.internalHeader('sandbox-app-support-rules') //=> { authorization: 'SandboxInternal <secret> sandbox-app-support-rules' }
   */
  internalHeader(accountId: string): Record<string, string> {
    return { authorization: `${INTERNAL_SCHEME} ${this.secret} ${accountId}` };
  }

  /**
   * The calling account, or undefined when the request carries no valid credentials.
   * @example auth.identify(request)?.emailAddress //=> 'agent1@sandbox.test'
   */
  identify(request: Pick<FastifyRequest, 'headers'>): SiteUser | undefined {
    const header = request.headers.authorization;
    if (typeof header !== 'string') return undefined;
    const [scheme, ...rest] = header.trim().split(/\s+/);
    if (scheme === INTERNAL_SCHEME && rest.length === 2 && rest[0] === this.secret) return this.users.byId(rest[1]!);
    if (scheme?.toLowerCase() !== 'basic' || rest.length !== 1) return undefined;
    const decoded = Buffer.from(rest[0]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return undefined;
    return this.users.byEmail(decoded.slice(0, colon));
  }

  /**
   * The calling account; without credentials, the anonymous user where the operation can be accessed anonymously
   * (anonymous.ts); otherwise, and with credentials that name no account, a 401.
   * @example const me = auth.require(request)
   */
  require(request: Pick<FastifyRequest, 'headers' | 'method' | 'url'>): SiteUser {
    const user = this.identify(request);
    if (user) return user;
    if (request.headers.authorization === undefined && allowsAnonymous(request.method, request.url)) return ANONYMOUS;
    throw new JiraHttpError(401, ['You are not authenticated. Authentication required to perform this operation.']);
  }
}
