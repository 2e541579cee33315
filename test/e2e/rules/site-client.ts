/**
 * A small HTTP client for the rules' end-to-end tests: REST calls as a seeded person (HTTP Basic `email:x`, as
 * DESIGN.md section 3 describes) and the sandbox control surface (settle, outbox, users, portal, email).
 */
export interface SandboxUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
  role: 'agent' | 'customer' | 'team-lead' | 'offer-manager' | 'admin';
  organization: string | null;
}

export interface Email {
  id: number | string;
  issueKey: string;
  subject: string;
  textBody: string;
  to: string[];
}

export class SiteClient {
  constructor(readonly url: string) {}

  /** A REST call as `email`; answers the status and the parsed body. */
  async call<T = unknown>(
    email: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (email) headers.Authorization = `Basic ${Buffer.from(`${email}:x`).toString('base64')}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(this.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Like {@link call}, failing on anything but 2xx. */
  async ok<T = unknown>(email: string | null, method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(email, method, path, body);
    if (answer.status >= 300)
      throw new Error(`${method} ${path} as ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /**
   * Calls a Custom UI module's resolver as `accountId` does through @forge/bridge in the sandbox's pages
   * (POST /_sandbox/invoke, the viewer chosen by the pages' cookie), on the request `issueKey` when given.
   */
  async invoke<T>(
    accountId: string,
    call: { moduleKey: string; functionKey: string; payload: unknown; issueKey: string | null },
  ): Promise<T> {
    const response = await fetch(`${this.url}/_sandbox/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `sandbox_user=${encodeURIComponent(accountId)}` },
      body: JSON.stringify(call),
    });
    if (!response.ok)
      throw new Error(
        `POST /_sandbox/invoke ${call.functionKey} as ${accountId} answered ${response.status}: ${await response.text()}`,
      );
    return (await response.json()) as T;
  }

  settle(): Promise<unknown> {
    return this.ok(null, 'POST', '/_sandbox/settle', {});
  }

  /** Moves the site's clock forward (scheduled triggers and delayed queue events that fall due run, then it settles). */
  advance(duration: string): Promise<unknown> {
    return this.ok(null, 'POST', '/_sandbox/clock', { advance: duration });
  }

  async outbox(issueKey?: string): Promise<Email[]> {
    const all = await this.ok<Email[]>(null, 'GET', '/_sandbox/outbox');
    return issueKey ? all.filter((e) => e.issueKey === issueKey) : all;
  }

  users(): Promise<SandboxUser[]> {
    return this.ok<SandboxUser[]>(null, 'GET', '/_sandbox/users');
  }

  async portalRequest(reporter: SandboxUser, summary: string): Promise<string> {
    return (
      await this.ok<{ issueKey: string }>(null, 'POST', '/_sandbox/portal/request', {
        summary,
        description: 'From the portal',
        reporter: reporter.accountId,
      })
    ).issueKey;
  }

  async email(from: SandboxUser, subject: string, body: string): Promise<string> {
    return (
      await this.ok<{ issueKey: string }>(null, 'POST', '/_sandbox/email', { from: from.emailAddress, subject, body })
    ).issueKey;
  }

  /** An agent moves the request to the site status named `statusName` (any status to any other, a resolution may be set). */
  async moveTo(agent: SandboxUser, issueKey: string, statusName: string, resolution?: string): Promise<void> {
    const { transitions } = await this.ok<{ transitions: { id: string; to: { name: string } }[] }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${issueKey}/transitions`,
    );
    const transition = transitions.find((t) => t.to.name === statusName);
    if (!transition)
      throw new Error(`${issueKey}: no transition to ${statusName} (${transitions.map((t) => t.to.name).join(', ')})`);
    await this.ok(agent.emailAddress, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, {
      transition: { id: transition.id },
      ...(resolution ? { fields: { resolution: { name: resolution } } } : {}),
    });
  }

  /** A comment through the Jira API, public or internal (JSM's sd.public.comment property). */
  async comment(author: SandboxUser, issueKey: string, text: string, internal = false): Promise<void> {
    await this.ok(author.emailAddress, 'POST', `/rest/api/3/issue/${issueKey}/comment`, {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      properties: [{ key: 'sd.public.comment', value: { internal } }],
    });
  }

  async status(issueKey: string, agent: SandboxUser): Promise<string> {
    const issue = await this.ok<{ fields: { status: { name: string } } }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${issueKey}?fields=status`,
    );
    return issue.fields.status.name;
  }
}
