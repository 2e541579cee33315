/**
 * Small pieces the three screens share: loading, a resolver failure, a labelled field with its error in place,
 * and the root that waits for the Forge context.
 */
import type { ReactNode, Ref } from 'react';
import Spinner from '@atlaskit/spinner';
import Button from '@atlaskit/button/new';
import { MAX_REASON_LENGTH, type Language, type ResolverFailure } from '../../../src/shared/contracts';
import { useScreenContext, type ScreenContext } from './screen-context';
import { strings } from './i18n';
import { Message } from './status-ui';

/** The shape of a screen while it loads: the height its content will take, so that nothing jumps. */
export type SkeletonShape = 'issue-panel' | 'portal' | 'escalate' | 'admin-page' | 'at-risk-queue' | 'sla-report';

/**
 * A screen's skeleton (or, without a shape, a spinner and its label for a part of a screen): grey blocks where its content will be (the same markup each index.html holds before the
 * code runs, see skeletons in screens.css), and, once the language is known, "Loading…" in it for screen readers
 * and beside a spinner. Before the Forge context answers, no text at all: the viewer's language is not known yet.
 */
export function Loading({ label, shape }: { label?: string; shape?: SkeletonShape }) {
  if (!shape)
    return (
      <div role="status" aria-live="polite" className="sr-skeleton-label">
        <Spinner size="small" label={label ?? ''} />
        <span>{label}</span>
      </div>
    );
  return (
    <div className="sr-skeleton" data-shape={shape} data-testid="skeleton" aria-busy="true">
      {label ? (
        <div role="status" aria-live="polite" className="sr-skeleton-label">
          <Spinner size="small" label={label} />
          <span>{label}</span>
        </div>
      ) : null}
      <div className="sr-skeleton-blocks" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
    </div>
  );
}

/**
 * A resolver's refusal or error, in the viewer's words (the resolvers answer in them; a failure of the bridge
 * itself, which speaks English, is told in the viewer's language with its own words kept aside); a retry only
 * where retrying can help (not on an unlicensed app).
 */
export function Failure({
  failure,
  lang,
  retryLabel,
  onRetry,
}: {
  failure: ResolverFailure;
  lang: Language;
  retryLabel?: string;
  onRetry?: () => void;
}) {
  const t = strings(lang);
  const fromBridge = failure.code === 'bridge_error' || failure.code === 'bad_answer';
  return (
    <div data-testid="failure" data-status={failure.status} data-code={failure.code} lang={lang}>
      {/* A repeated escalation, or one on a finished request, is not a fault: it says why and what to do. Jira's
          rate limits (429) are no fault either: a warning, with when to try again. */}
      <Message
        appearance={
          failure.code === 'already_escalated' || failure.code === 'request_done'
            ? 'information'
            : failure.status === 403 || failure.status === 404 || failure.status === 429
              ? 'warning'
              : 'error'
        }
      >
        <p>{fromBridge ? t.bridgeFailed : failure.message}</p>
        {fromBridge ? (
          <p className="sr-muted" lang="en" data-testid="failure-detail">
            {failure.message}
          </p>
        ) : null}
        {onRetry && retryLabel && failure.code !== 'unlicensed' ? (
          <p>
            <Button onClick={onRetry}>{retryLabel}</Button>
          </p>
        ) : null}
      </Message>
    </div>
  );
}

/** A label, the control, a help text and the error at this place, wired for screen readers. */
export function Field({
  id,
  label,
  help,
  errors,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const hasError = errors !== undefined && errors.length > 0;
  return (
    <div className="sr-field" data-field={id} data-invalid={hasError || undefined}>
      <label htmlFor={id} className="sr-label">
        {label}
      </label>
      {children}
      {help ? (
        <div id={`${id}-help`} className="sr-help">
          {help}
        </div>
      ) : null}
      {hasError ? (
        <div id={`${id}-error`} className="sr-error" role="alert" data-testid={`error-${id}`}>
          {errors!.map((e) => (
            <div key={e}>{e}</div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** A labelled one-line input of a form. */
export function TextInput({
  id,
  label,
  value,
  onChange,
  type,
  required,
  maxLength,
  min,
  errors,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'datetime-local';
  required?: boolean;
  maxLength?: number;
  /** The earliest value a date field takes (its picker greys out what comes before). */
  min?: string;
  /** The server's refusal of this field, shown under it. */
  errors?: string[];
  inputRef?: Ref<HTMLInputElement>;
}) {
  const invalid = errors !== undefined && errors.length > 0;
  return (
    <Field id={id} label={label} errors={errors}>
      <input
        id={id}
        ref={inputRef}
        type={type}
        className="sr-input"
        required={required}
        maxLength={maxLength}
        min={min}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** The reason of an escalation (the issue panel's and the portal's): required, up to the server's limit. */
export function ReasonField({
  id,
  label,
  help,
  value,
  errors,
  autoFocus,
  onChange,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  errors?: string[];
  autoFocus?: boolean;
  onChange: (reason: string) => void;
}) {
  return (
    <Field id={id} label={label} help={help} errors={errors}>
      <textarea
        id={id}
        autoFocus={autoFocus}
        className="sr-textarea"
        required
        maxLength={MAX_REASON_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-help`}
      />
    </Field>
  );
}

/** Renders `children` once the Forge context is known; until then, the screen's skeleton (without words). */
export function WithContext({
  shape,
  children,
}: {
  shape: SkeletonShape;
  children: (context: ScreenContext) => ReactNode;
}) {
  const context = useScreenContext();
  if (!context) return <Loading shape={shape} />;
  return <>{children(context)}</>;
}
