import { route } from '@forge/api';
import { requestJiraJson } from './client';

/** JSM's Organizations custom field type (JsonTypeBean `custom`). */
const ORGANIZATIONS_TYPE = 'com.atlassian.servicedesk:sd-customer-organizations';

/**
 * The id of JSM's Organizations field (GET /rest/api/3/field, as the app), found by its type; null when the site
 * has none (no service project).
 * @example await findOrganizationsField() //=> 'customfield_10002'
 */
export async function findOrganizationsField(): Promise<string | null> {
  const fields = await requestJiraJson<{ id?: string; schema?: { custom?: string } }[]>(route`/rest/api/3/field`);
  return (Array.isArray(fields) ? fields : []).find((f) => f.schema?.custom === ORGANIZATIONS_TYPE)?.id ?? null;
}
