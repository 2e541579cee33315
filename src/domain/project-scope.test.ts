import { defaultConfig } from './config';
import { appliesToProject, projectClause } from './project-scope';

const withKeys = (keys: string[]) => ({ projects: { keys } });

describe('appliesToProject', () => {
  it('applies to every JSM project when none is picked, never to a Software or business project', () => {
    expect(appliesToProject({ key: 'SUP', projectTypeKey: 'service_desk' }, defaultConfig())).toBe(true);
    expect(appliesToProject({ key: 'IT', projectTypeKey: 'service_desk' }, defaultConfig())).toBe(true);
    expect(appliesToProject({ key: 'DEV', projectTypeKey: 'software' }, defaultConfig())).toBe(false);
    expect(appliesToProject({ key: 'HR', projectTypeKey: 'business' }, defaultConfig())).toBe(false);
  });

  it('applies only to the picked JSM projects, even when a Software project is picked by mistake', () => {
    expect(appliesToProject({ key: 'SUP', projectTypeKey: 'service_desk' }, withKeys(['SUP']))).toBe(true);
    expect(appliesToProject({ key: 'IT', projectTypeKey: 'service_desk' }, withKeys(['SUP']))).toBe(false);
    expect(appliesToProject({ key: 'DEV', projectTypeKey: 'software' }, withKeys(['DEV']))).toBe(false);
  });

  it('applies to nothing it cannot tell: no project, no type, no key', () => {
    expect(appliesToProject(null, defaultConfig())).toBe(false);
    expect(appliesToProject({ key: 'SUP' }, defaultConfig())).toBe(false);
    expect(appliesToProject({ projectTypeKey: 'service_desk' }, defaultConfig())).toBe(false);
  });
});

describe('projectClause', () => {
  it('restricts a search to the picked projects, and to nothing more when none is picked', () => {
    expect(projectClause(withKeys(['SUP', 'IT']))).toBe('project in ("SUP", "IT") AND ');
    expect(projectClause(defaultConfig())).toBe('');
  });
});
