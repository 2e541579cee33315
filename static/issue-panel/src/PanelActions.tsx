import { useEffect, useRef, useState, type FormEvent } from 'react';
import { showFlag } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import { DateTime } from 'luxon';
import {
  escalationBar,
  isDone,
  THIRD_PARTY_KINDS,
  type IssuePanelView,
  type ResolverFailure,
  type ResolverResult,
  type ThirdPartyKind,
} from '../../../src/shared/contracts';
import { issuePanelApi } from '../../common/src/api';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Failure, Field, ReasonField, TextInput } from '../../common/src/ui';
import { Message } from '../../common/src/status-ui';

type Mode = 'escalate' | 'consulting' | 'thirdParty' | 'scheduled';

/** The agent's actions; each form posts through its resolver, then the panel reloads. */
export function PanelActions({
  view,
  ctx,
  onDone,
}: {
  view: IssuePanelView;
  ctx: ScreenContext;
  onDone: () => Promise<void>;
}) {
  const t = strings(ctx.lang);
  const [mode, setMode] = useState<Mode | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ResolverFailure | null>(null);

  async function run(action: () => Promise<ResolverResult<unknown>>) {
    setBusy(true);
    setFailure(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) return setFailure(result);
    setMode(null);
    // Told as Jira tells a change made (a flag that goes away by itself), once the panel shows the request as it
    // now is, so that it never sits beside the old state.
    await onDone();
    await Promise.resolve(
      showFlag({ id: `support-rules-${Date.now()}`, title: t.doneFlag, type: 'success', isAutoDismiss: true }),
    ).catch(() => undefined);
  }
  const open = (m: Mode) => {
    setMode(mode === m ? null : m);
    setFailure(null);
  };
  const closed = isDone(view.status.canonical);
  // The button of the open form reads as pressed: the primary appearance (Atlaskit's selected state, hovered,
  // is 3.91:1 in the light theme), and says that its form is open.
  const opened = (m: Mode) => ({
    appearance: mode === m ? ('primary' as const) : ('default' as const),
    'aria-expanded': mode === m,
  });

  return (
    <section aria-labelledby="actions-title" data-testid="actions">
      <h2 id="actions-title" className="sr-subheading">
        {t.actions}
      </h2>
      <div className="sr-row" role="toolbar" aria-label={t.actions}>
        {view.rules.escalation && !view.escalation && escalationBar(view.status.canonical) === null ? (
          <Button testId="action-escalate" {...opened('escalate')} onClick={() => open('escalate')}>
            {t.escalate}
          </Button>
        ) : null}
        <Button
          testId="action-third-party"
          {...opened('thirdParty')}
          onClick={() => open('thirdParty')}
          isDisabled={closed}
        >
          {t.actionThirdParty}
        </Button>
        <Button
          testId="action-scheduled"
          {...opened('scheduled')}
          onClick={() => open('scheduled')}
          isDisabled={closed}
        >
          {t.actionScheduled}
        </Button>
        {view.rules.consulting ? (
          <Button
            testId="action-consulting"
            {...opened('consulting')}
            onClick={() => open('consulting')}
            isDisabled={closed}
          >
            {t.closeConsulting}
          </Button>
        ) : null}
      </div>
      {failure && !(mode === 'scheduled' && SCHEDULED_FIELDS[failure.code]) ? (
        <Failure failure={failure} lang={ctx.lang} />
      ) : null}
      {mode === 'escalate' ? (
        <EscalateForm
          ctx={ctx}
          busy={busy}
          onSubmit={(reason) => run(() => issuePanelApi('escalateRequest', { reason }))}
        />
      ) : null}
      {mode === 'thirdParty' ? (
        <ThirdPartyForm
          ctx={ctx}
          busy={busy}
          onSubmit={(input) => run(() => issuePanelApi('recordThirdParty', input))}
        />
      ) : null}
      {mode === 'scheduled' ? (
        <ScheduledForm
          ctx={ctx}
          now={view.now}
          busy={busy}
          failure={failure}
          onSubmit={(input) => run(() => issuePanelApi('recordScheduledOperation', input))}
        />
      ) : null}
      {mode === 'consulting' ? (
        <div style={{ marginTop: 8 }}>
          <Message
            appearance="information"
            actions={[
              <Button
                key="go"
                appearance="primary"
                testId="confirm-consulting"
                isDisabled={busy}
                onClick={() => void run(() => issuePanelApi('closeAsConsulting'))}
              >
                {t.confirm}
              </Button>,
              <Button key="no" appearance="subtle" onClick={() => setMode(null)}>
                {t.cancel}
              </Button>,
            ]}
          >
            <p>{t.confirmConsulting(view.consultingResolution)}</p>
          </Message>
        </div>
      ) : null}
    </section>
  );
}

function EscalateForm({
  ctx,
  busy,
  onSubmit,
}: {
  ctx: ScreenContext;
  busy: boolean;
  onSubmit: (reason: string) => void;
}) {
  const t = strings(ctx.lang);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(reason);
  };
  return (
    <form onSubmit={submit} className="sr-card" style={{ marginTop: 8 }} data-testid="escalate-form">
      <ReasonField id="panel-reason" label={t.reason} help={t.reasonHelp} value={reason} onChange={setReason} />
      <Button type="submit" appearance="primary" isDisabled={busy || reason.trim() === ''} testId="submit-escalation">
        {t.submitEscalation}
      </Button>
    </form>
  );
}

function ThirdPartyForm({
  ctx,
  busy,
  onSubmit,
}: {
  ctx: ScreenContext;
  busy: boolean;
  onSubmit: (input: { kind: ThirdPartyKind; name?: string; reference?: string }) => void;
}) {
  const t = strings(ctx.lang);
  const [kind, setKind] = useState<ThirdPartyKind>('atlassian');
  const [name, setName] = useState('');
  const [reference, setReference] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind, name: name || undefined, reference: reference || undefined });
  };
  return (
    <form onSubmit={submit} className="sr-card" style={{ marginTop: 8 }} data-testid="third-party-form">
      <Field id="tp-kind" label={t.thirdPartyKind}>
        <select
          id="tp-kind"
          className="sr-select"
          value={kind}
          onChange={(e) => setKind(e.target.value as ThirdPartyKind)}
        >
          {THIRD_PARTY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.thirdPartyKinds[k]}
            </option>
          ))}
        </select>
      </Field>
      <TextInput id="tp-name" label={t.thirdPartyName} value={name} maxLength={200} onChange={setName} />
      <TextInput
        id="tp-reference"
        label={t.thirdPartyReference}
        value={reference}
        maxLength={200}
        onChange={setReference}
      />
      <Button type="submit" appearance="primary" isDisabled={busy} testId="submit-third-party">
        {t.record}
      </Button>
    </form>
  );
}

/** The scheduled-operation form's fields, by the code of the server's refusal of each. */
const SCHEDULED_FIELDS: Record<string, 'at' | 'who' | undefined> = { invalid_at: 'at', invalid_who: 'who' };

function ScheduledForm({
  ctx,
  now,
  busy,
  failure,
  onSubmit,
}: {
  ctx: ScreenContext;
  /** The server's now: an operation is planned after it. */
  now: string;
  busy: boolean;
  /** The server's answer to the last submit: a refused field is shown under it and takes the focus. */
  failure: ResolverFailure | null;
  onSubmit: (input: { at: string; who: string }) => void;
}) {
  const t = strings(ctx.lang);
  const [at, setAt] = useState('');
  const [who, setWho] = useState('');
  const atRef = useRef<HTMLInputElement>(null);
  const whoRef = useRef<HTMLInputElement>(null);
  const refused = failure ? SCHEDULED_FIELDS[failure.code] : undefined;
  useEffect(() => {
    if (refused === 'at') atRef.current?.focus();
    if (refused === 'who') whoRef.current?.focus();
  }, [failure, refused]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The field holds a wall-clock time in the agent's Jira time zone.
    const instant = DateTime.fromISO(at, { zone: ctx.timeZone });
    onSubmit({ at: instant.isValid ? instant.toUTC().toISO()! : at, who });
  };
  // The server checks the fields and answers in the agent's language (a date passed, no one named): the browser's
  // own bubbles, in the browser's language, are not used.
  return (
    <form onSubmit={submit} noValidate className="sr-card" style={{ marginTop: 8 }} data-testid="scheduled-form">
      <TextInput
        id="op-at"
        type="datetime-local"
        label={`${t.scheduledAt} (${ctx.timeZone})`}
        required
        min={DateTime.fromISO(now, { zone: ctx.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm")}
        value={at}
        inputRef={atRef}
        errors={refused === 'at' ? [failure!.message] : undefined}
        onChange={setAt}
      />
      <TextInput
        id="op-who"
        label={t.scheduledWho}
        required
        maxLength={200}
        value={who}
        inputRef={whoRef}
        errors={refused === 'who' ? [failure!.message] : undefined}
        onChange={setWho}
      />
      <Button type="submit" appearance="primary" isDisabled={busy} testId="submit-scheduled">
        {t.record}
      </Button>
    </form>
  );
}
