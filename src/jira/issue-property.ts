import { route } from '@forge/api';
import { JiraError, requestJira, requestJiraJson, type Actor } from './client';

/**
 * Reads an issue property's value, or undefined when it is not set.
 * @example await getIssueProperty('SUP-1', 'supportRulesState') //=> { waiting: 'yes', ... } | undefined
 */
export async function getIssueProperty<T>(
  issueKey: string,
  propertyKey: string,
  as: Actor = 'app',
): Promise<T | undefined> {
  try {
    const property = await requestJiraJson<{ value: T }>(
      route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`,
      { as },
    );
    return property.value;
  } catch (error) {
    if (error instanceof JiraError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Writes an issue property (PUT /rest/api/3/issue/{key}/properties/{propertyKey}).
 * @example await setIssueProperty('SUP-1', 'supportRulesState', { waiting: 'no' })
 */
export async function setIssueProperty(
  issueKey: string,
  propertyKey: string,
  value: unknown,
  as: Actor = 'app',
): Promise<void> {
  await requestJira(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, { method: 'PUT', body: value, as });
}

/**
 * Writes several properties of one issue in one call: Jira's edit issue with only `properties`
 * (PUT /rest/api/3/issue/{key}, IssueUpdateDetails.properties: "Issue properties may be updated as part of the
 * edit"); a PUT, safe to repeat.
 * @example await setIssueProperties('SUP-1', [{ key: 'supportRulesState', value: { waiting: 'no' } }, { key: 'supportRulesSla', value: record }])
 */
export async function setIssueProperties(
  issueKey: string,
  properties: { key: string; value: unknown }[],
  as: Actor = 'app',
): Promise<void> {
  await requestJira(route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', body: { properties }, as });
}
