/**
 * Before a save that moves organizations between business hours and 24/7: which contracts change, and how many
 * requests each moves (running or paused SLAs, measured again on saving; stopped ones, which keep their measure
 * unless recomputed). Jira administrators only.
 */
import { coverageChangeJql, coverageChanges } from '../../../domain/coverage-change';
import { validateConfig } from '../../../domain/config-errors';
import { textsFor } from '../../../domain/texts';
import type { ConfigPayload, CoverageChangeView } from '../../../shared/contracts';
import { countRequests } from '../../shared/count-requests';
import { asAdmin } from '../access';
import { fail, ok } from '../result';

/** The coverage changes of a draft against the configuration in force, with the requests each moves. */
export const previewCoverageChange = asAdmin<ConfigPayload, CoverageChangeView>(async (caller, payload, config) => {
  const checked = validateConfig(payload.config, caller.lang);
  if (!checked.ok) return fail(400, 'invalid_config', textsFor(caller.lang).refusals.invalidConfig, checked.errors);
  const draft = checked.config;
  const changes = await Promise.all(
    coverageChanges(config.coverage, draft.coverage).map(async (change) => {
      const [open, stopped] = await Promise.all([
        countRequests(coverageChangeJql(change, draft, 'open')),
        countRequests(coverageChangeJql(change, draft, 'stopped')),
      ]);
      return { ...change, open: open.count, stopped: stopped.count, capped: open.capped || stopped.capped };
    }),
  );
  return ok({ changes });
});
