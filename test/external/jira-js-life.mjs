/**
 * A request's life driven through jira.js (v6, whose response schemas come from Atlassian's OpenAPI specs), with
 * `onSchemaMismatch: 'throw'`: every answer of the sandbox must match what Jira Cloud's schemas describe. jira.js is
 * ESM-only, so this runs as its own Node process (test/external/jira-js.test.ts starts the sandbox and runs it);
 * it prints one line per call and exits non-zero on the first mismatch or failure.
 *   node test/external/jira-js-life.mjs <sandbox url>
 */
import { createServer } from 'node:http';
import { createCloudClient, createServiceDeskClient } from 'jira.js';

const host = process.argv[2];
if (!host) throw new Error('usage: node test/external/jira-js-life.mjs <sandbox url>');
const as = (email) => ({ host, auth: { type: 'basic', email, apiToken: 'sandbox' }, onSchemaMismatch: 'throw' });
const agent = createCloudClient(as('agent1@sandbox.test'));
const agentDesk = createServiceDeskClient(as('agent1@sandbox.test'));
const customer = createServiceDeskClient(as('claire@acme.test'));
const customerCloud = createCloudClient(as('claire@acme.test'));

const steps = [];
async function step(name, call) {
  const value = await call();
  steps.push(name);
  console.log(`ok ${name}`);
  return value;
}

const adf = (text) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

// Control: an answer the schema does not describe (a number where Jira sends a string) must throw, or the
// checks below would prove nothing.
const liar = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ accountId: 42, displayName: ['not', 'a', 'string'] }));
});
await new Promise((resolve) => liar.listen(0, '127.0.0.1', resolve));
const liarClient = createCloudClient({ ...as('agent1@sandbox.test'), host: `http://127.0.0.1:${liar.address().port}` });
const control = await liarClient.myself.getCurrentUser().then(
  () => 'no error',
  (error) => error.name,
);
liar.close();
if (control !== 'SchemaMismatchError')
  throw new Error(`control: a wrong answer gave ${control}, not SchemaMismatchError`);
console.log('ok control: a mismatching answer throws SchemaMismatchError');

const me = await step('myself.getCurrentUser', () => agent.myself.getCurrentUser());
await step('serverInfo.getServerInfo', () => agent.serverInfo.getServerInfo());
await step('projects.searchProjects', () => agent.projects.searchProjects({ typeKey: 'service_desk' }));
const desks = await step('servicedesk.getServiceDesks', () => agentDesk.servicedesk.getServiceDesks());
const created = await step('request.createCustomerRequest (customer)', () =>
  customer.request.createCustomerRequest({
    serviceDeskId: String(desks.values?.[0]?.id ?? '1'),
    requestTypeId: '1',
    requestFieldValues: { summary: 'jira.js life', description: 'Created through jira.js' },
  }),
);
const key = created.issueKey;
await step('request.getCustomerRequestByIdOrKey (customer)', () =>
  customer.request.getCustomerRequestByIdOrKey({ issueIdOrKey: key }),
);
await step('issues.getIssue (expand changelog,names,schema)', () =>
  agent.issues.getIssue({ issueIdOrKey: key, expand: 'changelog,names,schema' }),
);
await step('issueComments.addComment (public reply)', () =>
  agent.issueComments.addComment({
    issueIdOrKey: key,
    body: adf('Looking into it.'),
    properties: [{ key: 'sd.public.comment', value: { internal: false } }],
  }),
);
await step('issueComments.addComment (internal note)', () =>
  agent.issueComments.addComment({
    issueIdOrKey: key,
    body: adf('Internal: check the logs'),
    properties: [{ key: 'sd.public.comment', value: { internal: true } }],
  }),
);
await step('issueComments.getComments (expand properties)', () =>
  agent.issueComments.getComments({ issueIdOrKey: key, expand: 'properties' }),
);
await step('request.createRequestComment (customer)', () =>
  customer.request.createRequestComment({ issueIdOrKey: key, body: 'Here are the logs.', public: true }),
);
await step('request.getRequestComments (customer)', () => customer.request.getRequestComments({ issueIdOrKey: key }));
const { transitions } = await step('issues.getTransitions', () => agent.issues.getTransitions({ issueIdOrKey: key }));
const toWaiting = transitions.find((t) => t.to?.name === 'En attente du client');
await step('issues.doTransition (waiting for customer)', () =>
  agent.issues.doTransition({ issueIdOrKey: key, transition: { id: toWaiting.id } }),
);
await step('issueProperties.setIssueProperty', () =>
  agent.issueProperties.setIssueProperty({ issueIdOrKey: key, propertyKey: 'jiraJsCheck', body: { ok: true } }),
);
await step('issueProperties.getIssueProperty', () =>
  agent.issueProperties.getIssueProperty({ issueIdOrKey: key, propertyKey: 'jiraJsCheck' }),
);
await step('issueSearch.searchAndReconsileIssuesUsingJqlPost (keys)', () =>
  agent.issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: `key = ${key}`, fields: ['key', 'status'] }),
);
await step('request.getRequestParticipants', () => agentDesk.request.getRequestParticipants({ issueIdOrKey: key }));
await step('organization.getOrganizations (customer)', () => customer.organization.getOrganizations());
const closing = (await agent.issues.getTransitions({ issueIdOrKey: key })).transitions.find(
  (t) => t.to?.name === 'Fermée',
);
await step('issues.doTransition (closed, Done)', () =>
  agent.issues.doTransition({
    issueIdOrKey: key,
    transition: { id: closing.id },
    fields: { resolution: { name: 'Done' } },
  }),
);
const reopen = await step('request.getCustomerTransitions (customer)', () =>
  customer.request.getCustomerTransitions({ issueIdOrKey: key }),
);
await step('request.performCustomerTransition (customer reopens)', () =>
  customer.request.performCustomerTransition({ issueIdOrKey: key, id: reopen.values[0].id }),
);
await step('issues.getChangeLogs', () => agent.issues.getChangeLogs({ issueIdOrKey: key }));
await step('users.getUser', () =>
  customerCloud.myself.getCurrentUser().then(() => agent.users.getUser({ accountId: me.accountId })),
);
console.log(`done ${steps.length} calls on ${key}`);
