import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type {
  Config,
  ConfigError,
  Language,
  ResolverFailure,
  ResolverResult,
  SetupCheck,
  SiteValuesView,
} from '../../../src/shared/contracts';
import { adminApi } from '../../common/src/api';
import { strings } from '../../common/src/i18n';
import { inLanguage, type ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading } from '../../common/src/ui';
import { ConfigForm } from './ConfigForm';
import { CoverageChangeDialog, type CoverageChangePreview } from './CoverageChangeDialog';
import { DeadLettersCard } from './DeadLettersCard';
import { SlaRecordsCard } from './SlaRecordsCard';
import { useSlaJobs } from './use-sla-jobs';
import { WhatIfCard } from './WhatIfCard';
import { SetupCheckCard } from './SetupCheckCard';
import { Lozenge, Message } from '../../common/src/status-ui';

type Notice = { kind: 'success' | 'error'; text: string } | null;

/** The admin page: the setup check, every setting grouped, and save / export / import. */
export function AdminPage({ ctx: bridgeCtx }: { ctx: ScreenContext }) {
  const [loaded, setLoaded] = useState<ResolverFailure | { stored: boolean; lang: Language } | null>(null);
  const ctx = loaded && !('ok' in loaded) ? inLanguage(bridgeCtx, loaded.lang) : bridgeCtx;
  const t = strings(ctx.lang);
  const [draft, setDraft] = useState<Config | null>(null);
  /** The settings in force, as last read or saved: what the what-if compares the draft with. */
  const [saved, setSaved] = useState<Config | null>(null);
  const [jobs, reloadJobs] = useSlaJobs();
  /** The configuration as stored (what the draft is compared with to flag unsaved changes). */
  const [stored, setStored] = useState<string | null>(null);
  /** Bumped by a refused save: the first field in error then takes the focus. */
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLDivElement>(null);
  const [errors, setErrors] = useState<ConfigError[]>([]);
  /** Problems not shown under a field: those of an imported file (the form keeps the settings in force), or of the whole configuration. */
  const [listed, setListed] = useState<{ title: string; errors: ConfigError[] } | null>(null);
  const [check, setCheck] = useState<ResolverResult<SetupCheck> | null>(null);
  /** The site's priorities, resolutions and organizations, for the pickers (null while they load). */
  const [site, setSite] = useState<SiteValuesView | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  /** The section whose Save was used last (null: the top bar's), where the outcome is also said. */
  const [savedFrom, setSavedFrom] = useState<string | null>(null);
  /** A coverage change waiting for the admin's confirmation, with the requests it moves. */
  const [coverageChange, setCoverageChange] = useState<CoverageChangePreview | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const runCheck = useCallback(async () => setCheck(await adminApi('setupCheck')), []);
  useEffect(() => {
    void adminApi('getConfig').then((result) => {
      if (!result.ok) return setLoaded(result);
      setLoaded({ stored: result.data.stored, lang: result.data.lang });
      setDraft(result.data.config);
      setSaved(result.data.config);
      setStored(JSON.stringify(result.data.config));
    });
    void runCheck();
    void adminApi('listSiteValues').then((result) => {
      const failed = { unreadable: result.ok ? '' : result.message };
      setSite(result.ok ? result.data : { priorities: failed, resolutions: failed, organizations: failed });
    });
  }, [runCheck]);

  async function afterWrite(result: ResolverResult<Config>, success: string, source: 'form' | 'file') {
    setBusy(false);
    setListed(null);
    if (result.ok) {
      setDraft(result.data);
      setSaved(result.data);
      void reloadJobs();
      setStored(JSON.stringify(result.data));
      setErrors([]);
      setLoaded((was) => (was && !('ok' in was) ? { ...was, stored: true } : was));
      setNotice({ kind: 'success', text: success });
      await runCheck();
    } else if (source === 'file') {
      // The file's values are not in the form, so its problems are listed with their paths in the file.
      setErrors([]);
      setNotice({ kind: 'error', text: result.errors ? t.notImported(result.errors.length) : result.message });
      if (result.errors) setListed({ title: t.importProblems, errors: result.errors });
    } else {
      setErrors(result.errors ?? []);
      setNotice({ kind: 'error', text: result.errors ? t.notSaved(result.errors.length) : result.message });
      if (result.errors?.some((e) => e.path !== '')) setRefusals((n) => n + 1);
      const whole = (result.errors ?? []).filter((e) => e.path === '');
      if (whole.length > 0) setListed({ title: t.wholeConfigProblems, errors: whole });
    }
  }

  // After a refused save, the first field in error (in the page's order) takes the focus and comes into view.
  useEffect(() => {
    if (refusals === 0) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'center' });
  }, [refusals]);

  async function save() {
    setBusy(true);
    setNotice(null);
    // Organizations moving between business hours and 24/7: the admin first sees how many requests that moves.
    if (saved && draft && JSON.stringify(saved.coverage) !== JSON.stringify(draft.coverage)) {
      const preview = await adminApi('previewCoverageChange', { config: draft });
      if (preview.ok && preview.data.changes.length > 0) return setCoverageChange(preview.data);
      if (!preview.ok && !preview.errors) return setCoverageChange({ uncounted: preview.message, changes: [] });
    }
    await saveDraft();
  }

  async function saveDraft() {
    setCoverageChange(null);
    setBusy(true);
    await afterWrite(await adminApi('saveConfig', { config: draft }), t.saved, 'form');
  }

  async function download() {
    const result = await adminApi('exportConfig');
    if (!result.ok) return setNotice({ kind: 'error', text: result.message });
    const url = URL.createObjectURL(new Blob([result.data.json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.data.fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  async function upload(file: File) {
    setBusy(true);
    setNotice(null);
    await afterWrite(await adminApi('importConfig', { json: await file.text() }), t.imported, 'file');
  }

  const dirty = draft !== null && stored !== null && JSON.stringify(draft) !== stored;
  /**
   * The Save closing a section (it saves the whole page, as the top one does), with the unsaved flag and, when the
   * save was made there, its outcome in words (the top bar's notice alone is announced: one live region).
   */
  const sectionSave = (section: string) => (
    <div className="sr-row sr-save-bar-end" data-testid={`save-bar-${section}`}>
      <Button
        appearance="primary"
        onClick={() => {
          setSavedFrom(section);
          void save();
        }}
        isDisabled={busy}
        testId={`save-${section}`}
      >
        {t.save}
      </Button>
      {dirty ? (
        <span data-testid={`unsaved-${section}`} className="sr-unsaved">
          <Lozenge appearance="moved">{t.unsaved}</Lozenge>
        </span>
      ) : null}
      {notice && savedFrom === section ? (
        <span
          data-testid={`notice-${section}-${notice.kind}`}
          style={{ color: notice.kind === 'error' ? 'var(--ds-text-danger)' : 'var(--ds-text-success)' }}
        >
          {notice.text}
        </span>
      ) : null}
    </div>
  );
  if (!loaded) return <Loading shape="admin-page" label={t.loading} />;
  if ('ok' in loaded) return <Failure failure={loaded} lang={ctx.lang} />;
  if (!draft) return <Loading shape="admin-page" label={t.loading} />;
  return (
    <main
      className="sr-stack"
      data-testid="admin-page"
      style={{ maxWidth: 960, margin: '0 auto', padding: 16 }}
      lang={ctx.lang}
    >
      <h1>{t.adminTitle}</h1>
      <p className="sr-muted">{t.adminIntro}</p>
      {!loaded.stored ? (
        <Message appearance="information">
          <p>{t.defaultsInUse}</p>
        </Message>
      ) : null}
      {/* Save at the top, and again at the end of every section (sectionSave): in Jira the frame grows to its
          content and the host page scrolls, so no bar stays in view; a Save is never far below what was edited. */}
      <div className="sr-row sr-save-bar-top" data-testid="save-bar">
        <Button
          appearance="primary"
          onClick={() => {
            setSavedFrom(null);
            void save();
          }}
          isDisabled={busy}
          testId="save"
        >
          {t.save}
        </Button>
        <Button onClick={() => void download()} testId="export">
          {t.exportJson}
        </Button>
        <Button onClick={() => fileInput.current?.click()} isDisabled={busy} testId="import">
          {t.importJson}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          aria-label={t.importJson}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void upload(file);
          }}
        />
        {dirty ? (
          <span data-testid="unsaved" className="sr-unsaved">
            <Lozenge appearance="moved">{t.unsaved}</Lozenge>
          </span>
        ) : null}
        {notice ? (
          <span
            role={notice.kind === 'error' ? 'alert' : 'status'}
            data-testid={`notice-${notice.kind}`}
            style={{ color: notice.kind === 'error' ? 'var(--ds-text-danger)' : 'var(--ds-text-success)' }}
          >
            {notice.text}
          </span>
        ) : null}
      </div>
      {coverageChange ? (
        <CoverageChangeDialog
          preview={coverageChange}
          t={t}
          anchor={document.querySelector<HTMLElement>(
            `[data-testid="${savedFrom === null ? 'save' : `save-${savedFrom}`}"]`,
          )}
          onConfirm={() => void saveDraft()}
          onCancel={() => {
            setCoverageChange(null);
            setBusy(false);
          }}
        />
      ) : null}
      <SetupCheckCard check={check} ctx={ctx} onRecheck={() => void runCheck()} />
      <DeadLettersCard ctx={ctx} />
      <div ref={form} data-testid="config-form">
        <ConfigForm
          ctx={ctx}
          draft={draft}
          errors={errors}
          statuses={check?.ok ? check.data.statuses : []}
          site={site}
          onChange={setDraft}
          saveBar={sectionSave}
        />
      </div>
      {saved ? <WhatIfCard ctx={ctx} draft={draft} saved={saved} jobs={jobs} onStarted={reloadJobs} /> : null}
      {listed ? (
        <Message appearance="error" title={listed.title} testId="listed-errors">
          <ul>
            {listed.errors.map((e, i) => (
              <li key={i}>
                {e.path ? <code>{e.path}</code> : null}
                {e.path ? t.sep : null}
                {e.message}
              </li>
            ))}
          </ul>
        </Message>
      ) : null}
      <SlaRecordsCard ctx={ctx} jobs={jobs} onStarted={reloadJobs} />
    </main>
  );
}
