import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/new';
import type { CoverageChangeView } from '../../../src/shared/contracts';
import type { Strings } from '../../common/src/i18n';

/** What the dialog shows: the changes with their counts, or why the requests could not be counted. */
export type CoverageChangePreview = CoverageChangeView | { uncounted: string; changes: CoverageChangeView['changes'] };

/**
 * Asks before a save that moves organizations between business hours and 24/7: each contract that changes, how
 * many open requests are measured again and how many stopped ones keep their measure. A modal <dialog> (focus kept
 * inside, Escape cancels); Save goes on, Cancel keeps the draft unsaved.
 */
export function CoverageChangeDialog({
  preview,
  t,
  onConfirm,
  onCancel,
  anchor,
}: {
  preview: CoverageChangePreview;
  t: Strings;
  onConfirm: () => void;
  onCancel: () => void;
  /** The Save that asked: the dialog opens beside it. */
  anchor?: HTMLElement | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // In Jira the frame grows to its content and the host page scrolls: a modal centred in the frame's viewport
    // may lie thousands of pixels away from the Save that opened it. It opens just above that Save instead.
    if (d && anchor) {
      const top = anchor.getBoundingClientRect().top - d.offsetHeight - 8;
      d.style.margin = '0 auto';
      d.style.top = `${Math.max(8, top)}px`;
      d.style.bottom = 'auto';
      d.scrollIntoView({ block: 'nearest' });
    }
    return () => d?.close();
  }, [anchor]);
  const count = (n: number) => new Intl.NumberFormat(t.intlLocale).format(n);
  return (
    <dialog
      ref={dialog}
      className="sr-card sr-dialog"
      aria-labelledby="coverage-change-title"
      data-testid="coverage-change"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="coverage-change-title">{t.coverageDialogTitle}</h2>
      {'uncounted' in preview ? <p className="sr-error">{t.coverageUncounted(preview.uncounted)}</p> : null}
      <ul className="sr-stack" style={{ paddingLeft: 16 }}>
        {preview.changes.map((c) => (
          <li key={c.organization ?? ''} data-testid="coverage-change-item">
            <strong>{c.organization ?? t.coverageEveryoneElse}</strong>
            {t.sep}
            {t.coverage[c.from]} → {t.coverage[c.to]}
            {'uncounted' in preview ? null : (
              <ul>
                <li data-testid="coverage-open">{t.coverageOpen(count(c.open), c.capped)}</li>
                <li data-testid="coverage-stopped">{t.coverageStopped(count(c.stopped), c.capped)}</li>
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div className="sr-row" style={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel} testId="coverage-cancel">
          {t.cancel}
        </Button>
        <Button appearance="primary" onClick={onConfirm} testId="coverage-confirm">
          {t.coverageConfirm}
        </Button>
      </div>
    </dialog>
  );
}
