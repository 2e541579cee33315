import { route } from '@forge/api';
import type { AdfDocument } from '../domain/adf';
import { requestJiraJson, type Actor } from './client';

/**
 * Adds a comment (POST /rest/api/3/issue/{key}/comment); an internal note carries JSM's
 * `sd.public.comment` property, as JSM's own agent view does.
 * @example await addComment('SUP-1', adfFromText('Hello'), { internal: false })
 */
export async function addComment(
  issueKey: string,
  body: AdfDocument,
  opts: { internal: boolean; as?: Actor },
): Promise<{ id: string }> {
  return requestJiraJson<{ id: string }>(route`/rest/api/3/issue/${issueKey}/comment`, {
    method: 'POST',
    as: opts.as,
    body: { body, properties: [{ key: 'sd.public.comment', value: { internal: opts.internal } }] },
  });
}
