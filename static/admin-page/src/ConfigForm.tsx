import type { Config, ConfigError, SetupCheck, SiteValuesView } from '../../../src/shared/contracts';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { draftLens } from './draft';
import { CalendarsSection } from './sections/CalendarsSection';
import { CoverageSection } from './sections/CoverageSection';
import { EscalationSection } from './sections/EscalationSection';
import { GoalsSection } from './sections/GoalsSection';
import { LanguagesSection } from './sections/LanguagesSection';
import { LeaveToJsmSection } from './sections/LeaveToJsmSection';
import { ProjectsSection } from './sections/ProjectsSection';
import { RemindersSection } from './sections/RemindersSection';
import { RulesSection } from './sections/RulesSection';
import { WorkflowSection } from './sections/WorkflowSection';

interface Props {
  ctx: ScreenContext;
  draft: Config;
  errors: ConfigError[];
  statuses: SetupCheck['statuses'];
  /** The site's priorities, resolutions and organizations (null while they load). */
  site: SiteValuesView | null;
  onChange: (next: Config) => void;
}

/**
 * Every setting of the configuration schema, one section per group, each editing its part of the draft through
 * a typed lens, with the schema's errors under the field they concern.
 */
export function ConfigForm({ ctx, draft, errors, statuses, site, onChange }: Props) {
  const t = strings(ctx.lang);
  const config = draftLens(draft, errors, onChange);
  return (
    <div className="sr-stack">
      <ProjectsSection config={config} t={t} />
      <WorkflowSection config={config} statuses={statuses} t={t} lang={ctx.lang} site={site} />
      <CalendarsSection config={config} t={t} />
      <CoverageSection config={config} t={t} site={site} />
      <GoalsSection config={config} t={t} site={site} />
      <RemindersSection config={config} t={t} site={site} />
      <EscalationSection config={config} t={t} lang={ctx.lang} />
      <LanguagesSection config={config} t={t} />
      <RulesSection config={config} t={t} />
      <LeaveToJsmSection config={config} t={t} />
    </div>
  );
}
