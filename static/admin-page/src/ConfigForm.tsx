import type { ReactNode } from 'react';
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
  /** What closes each section (the page's Save), given the section's name. */
  saveBar?: (section: string) => ReactNode;
}

/**
 * Every setting of the configuration schema, one section per group, each editing its part of the draft through
 * a typed lens, with the schema's errors under the field they concern.
 */
export function ConfigForm({ ctx, draft, errors, statuses, site, onChange, saveBar }: Props) {
  const t = strings(ctx.lang);
  const config = draftLens(draft, errors, onChange);
  const sections: [string, ReactNode][] = [
    ['projects', <ProjectsSection config={config} t={t} />],
    ['workflow', <WorkflowSection config={config} statuses={statuses} t={t} lang={ctx.lang} site={site} />],
    ['calendars', <CalendarsSection config={config} t={t} />],
    ['coverage', <CoverageSection config={config} t={t} site={site} />],
    ['goals', <GoalsSection config={config} t={t} site={site} />],
    ['reminders', <RemindersSection config={config} t={t} site={site} />],
    ['escalation', <EscalationSection config={config} t={t} lang={ctx.lang} />],
    ['languages', <LanguagesSection config={config} t={t} />],
    ['rules', <RulesSection config={config} t={t} />],
    ['leave-to-jsm', <LeaveToJsmSection config={config} t={t} />],
  ];
  return (
    <div className="sr-stack">
      {sections.map(([name, section]) => (
        <div key={name} className="sr-stack" data-section={name}>
          {section}
          {saveBar?.(name)}
        </div>
      ))}
    </div>
  );
}
