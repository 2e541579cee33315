/**
 * What the desk's pages (the at-risk queue, the SLA report) share: a resolver's answer shown once it is in (a
 * spinner before it, the failure and a retry instead of it), a table with its column heads, and a figure (a label
 * above its value).
 */
import type { ReactNode } from 'react';
import type { Language, ResolverResult } from '../../../src/shared/contracts';
import { strings } from './i18n';
import { Failure, Loading } from './ui';

/**
 * `children(data)` once the resolver has answered with data; "Loading…" until it answers; its failure, with a
 * retry, if it fails.
 * @example <Answer view={view} lang="fr" onRetry={reload}>{(queue) => <Queue queue={queue} />}</Answer>
 */
export function Answer<T>({
  view,
  lang,
  onRetry,
  children,
}: {
  view: ResolverResult<T> | null;
  lang: Language;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}) {
  if (!view) return <Loading label={strings(lang).loading} />;
  if (!view.ok) return <Failure failure={view} lang={lang} retryLabel={strings(lang).retry} onRetry={onRetry} />;
  return <>{children(view.data)}</>;
}

/** A table of the desk's pages: its column heads, then its rows (`children`); a caption for screen readers. */
export function Table({
  heads,
  caption,
  testId,
  children,
}: {
  heads: string[];
  caption?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className="sr-table" data-testid={testId}>
      {caption ? <caption className="sr-visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {heads.map((head, i) => (
            <th key={i} scope="col">
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** One figure of a row of figures: its label above its value. */
export function Figure({
  label,
  value,
  testId,
  dataValue,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  /** The value as a data attribute, for tests. */
  dataValue?: number;
}) {
  return (
    <dl className="sr-figure" data-testid={testId} data-value={dataValue}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </dl>
  );
}
