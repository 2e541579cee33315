import { useEffect, useRef, useState } from 'react';
import type { Config, ServiceProjects } from '../../../../src/shared/contracts';
import { adminApi } from '../../../common/src/api';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { Errors, Section } from '../fields';

type Project = ServiceProjects['projects'][number];

/** Above this many projects the list gets a filter. */
const FILTER_FROM = 8;

/**
 * The JSM projects the rules apply to: every JSM project of the site (no key stored), or the ones ticked in the
 * list Jira gives (`GET /rest/api/3/project/search?typeKey=service_desk`). A stored key that is not a JSM project of
 * the site stays listed, marked, so that the admin can untick it.
 */
export function ProjectsSection({ config, t }: { config: Lens<Config>; t: Strings }) {
  const keys = config.at('projects').at('keys');
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(keys.value.length > 0);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let live = true;
    void adminApi('listServiceProjects').then((answer) => {
      if (!live) return;
      setProjects(answer.ok ? answer.data.projects : []);
      setFailure(answer.ok ? null : answer.message);
    });
    return () => {
      live = false;
    };
  }, []);

  const picked = keys.value.length > 0 || choosing;
  const known = new Set((projects ?? []).map((p) => p.key));
  // A key that is not a JSM project stays listed once seen, even unticked, so that a click does not make it vanish.
  const strays = useRef(new Set<string>());
  if (projects !== null) for (const k of keys.value) if (!known.has(k)) strays.current.add(k);
  const unknown: Project[] = [...strays.current].map((key) => ({ key, name: '' }));
  const needle = filter.trim().toLowerCase();
  const shown = [...unknown, ...(projects ?? [])].filter(
    (p) => needle === '' || p.key.toLowerCase().includes(needle) || p.name.toLowerCase().includes(needle),
  );
  const tick = (key: string, on: boolean) => keys.set(on ? [...keys.value, key] : keys.value.filter((k) => k !== key));

  return (
    <Section id="projects" title={t.sections.projects} errors={keys.errors().length}>
      <fieldset style={{ border: 0, padding: 0 }} data-testid="projects-scope">
        <legend className="sr-label">{t.projectsScope}</legend>
        <label style={{ display: 'block' }}>
          <input
            type="radio"
            name="projects-scope"
            data-testid="projects-all"
            checked={!picked}
            onChange={() => {
              setChoosing(false);
              keys.set([]);
            }}
          />{' '}
          {t.projectsAll(projects?.length ?? null)}
        </label>
        <label style={{ display: 'block' }}>
          <input
            type="radio"
            name="projects-scope"
            data-testid="projects-chosen"
            checked={picked}
            onChange={() => setChoosing(true)}
          />{' '}
          {t.projectsChosen}
        </label>
      </fieldset>
      {picked ? (
        <fieldset style={{ border: 0, padding: '0 0 0 24px' }} data-testid="projects-list">
          <legend className="sr-help">{keys.value.length === 0 ? t.projectsNoneTicked : t.projectsTick}</legend>
          {projects === null ? <div className="sr-help">{t.loading}</div> : null}
          {(projects?.length ?? 0) + unknown.length > FILTER_FROM ? (
            <input
              className="sr-input"
              aria-label={t.projectsFilter}
              placeholder={t.projectsFilter}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          ) : null}
          {shown.map((p) => (
            <label key={p.key} style={{ display: 'block' }} data-project={p.key}>
              <input
                type="checkbox"
                data-testid={`project-${p.key}`}
                checked={keys.value.includes(p.key)}
                onChange={(e) => tick(p.key, e.target.checked)}
              />{' '}
              {known.has(p.key) ? (
                <>
                  {p.name} <span className="sr-help">({p.key})</span>
                </>
              ) : (
                <>
                  {p.key} <span className="sr-error">{t.projectNotJsm}</span>
                </>
              )}
            </label>
          ))}
          <Errors messages={keys.errors()} />
        </fieldset>
      ) : null}
      {failure ? <Errors messages={[failure]} /> : null}
    </Section>
  );
}
