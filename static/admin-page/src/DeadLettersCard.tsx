import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import {
  isCanonicalStatus,
  STATUS_NAMES,
  type DeadLetters,
  type DeadLetterView,
  type ResolverResult,
  type RetryOutcome,
} from '../../../src/shared/contracts';
import { adminApi } from '../../common/src/api';
import { formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading } from '../../common/src/ui';
import { Message } from '../../common/src/status-ui';

/** What failed after every retry (never dropped), with why, each with a button to try it again. */
export function DeadLettersCard({ ctx }: { ctx: ScreenContext }) {
  const t = strings(ctx.lang);
  const [list, setList] = useState<ResolverResult<DeadLetters> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ id: string; result: ResolverResult<RetryOutcome> } | null>(null);
  const load = useCallback(async () => setList(await adminApi('listDeadLetters')), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function retry(letter: DeadLetterView) {
    setBusy(letter.id);
    const result = await adminApi('retryDeadLetter', { id: letter.id });
    setBusy(null);
    setOutcome({ id: letter.id, result });
    await load();
  }

  if (!list) return <Loading label={t.loading} />;
  if (!list.ok) return <Failure failure={list} lang={ctx.lang} retryLabel={t.retry} onRetry={() => void load()} />;
  const { letters, more } = list.data;
  return (
    <section
      className="sr-card"
      aria-labelledby="dead-letters-title"
      data-testid="dead-letters"
      data-count={letters.length}
    >
      <h2 id="dead-letters-title">{t.deadLetters.title}</h2>
      <p className="sr-muted">{t.deadLetters.intro}</p>
      {outcome ? <RetryNotice ctx={ctx} result={outcome.result} /> : null}
      {letters.length === 0 ? (
        <p data-testid="dead-letters-none">{t.deadLetters.none}</p>
      ) : (
        <table className="sr-table">
          <thead>
            <tr>
              <th scope="col">{t.deadLetters.request}</th>
              <th scope="col">{t.deadLetters.what}</th>
              <th scope="col">{t.deadLetters.error}</th>
              <th scope="col">{t.deadLetters.when}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id} data-testid="dead-letter" data-id={letter.id}>
                <td>{letter.issueKey}</td>
                <td>{describe(letter, ctx)}</td>
                <td>
                  {letter.error}
                  <div className="sr-muted">{t.deadLetters.attempts(letter.attempts)}</div>
                </td>
                <td>{formatInstant(letter.at, ctx.locale, ctx.timeZone)}</td>
                <td>
                  <Button
                    testId="retry-dead-letter"
                    isDisabled={busy !== null}
                    onClick={() => void retry(letter)}
                    aria-label={`${t.deadLetters.retry} ${letter.issueKey}`}
                  >
                    {t.deadLetters.retry}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more ? <p className="sr-muted">{t.deadLetters.more}</p> : null}
    </section>
  );
}

function describe(letter: DeadLetterView, ctx: ScreenContext): string {
  const t = strings(ctx.lang).deadLetters.kinds;
  const detail = letter.detail ?? '';
  switch (letter.what) {
    case 'transition':
      return t.transition(isCanonicalStatus(detail) ? STATUS_NAMES[detail][ctx.lang] : detail);
    case 'notify':
      return t.notify(detail);
    case 'comment':
      return detail === 'internal' ? t.note : t.comment;
    case 'setProperty':
      return t.setProperty(detail);
    case 'event':
      return t.event(detail);
  }
}

function RetryNotice({ ctx, result }: { ctx: ScreenContext; result: ResolverResult<RetryOutcome> }) {
  const t = strings(ctx.lang).deadLetters;
  if (!result.ok) return <Failure failure={result} lang={ctx.lang} />;
  const { outcome, error } = result.data;
  return (
    <Message appearance={outcome === 'failed' ? 'error' : 'success'} testId={`retry-${outcome}`}>
      <p>{outcome === 'done' ? t.done : outcome === 'requeued' ? t.requeued : t.failedAgain(error ?? '')}</p>
    </Message>
  );
}
