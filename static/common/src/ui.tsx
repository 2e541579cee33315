/**
 * Small pieces the three screens share: loading, a resolver failure, a labelled field with its error in place,
 * and the root that waits for the Forge context.
 */
import type { ReactNode } from 'react';
import Spinner from '@atlaskit/spinner';
import Button from '@atlaskit/button/new';
import { DEFAULT_LANGUAGE_SETTINGS, MAX_REASON_LENGTH, type ResolverFailure } from '../../../src/shared/contracts';
import { useScreenContext, type ScreenContext } from './screen-context';
import { strings } from './i18n';
import { Message } from './status-ui';

export function Loading({ label }: { label: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      style={{ display: 'flex', gap: 8, alignItems: 'center', padding: 8, color: 'var(--ds-text-subtle)' }}
    >
      <Spinner size="small" label={label} />
      <span>{label}</span>
    </div>
  );
}

/** A resolver's refusal or error, in the viewer's words; a retry only where retrying can help (not on an unlicensed app). */
export function Failure({
  failure,
  retryLabel,
  onRetry,
}: {
  failure: ResolverFailure;
  retryLabel?: string;
  onRetry?: () => void;
}) {
  return (
    <div data-testid="failure" data-status={failure.status} data-code={failure.code}>
      {/* A repeated escalation is not a fault: it says when it was escalated. */}
      <Message
        appearance={
          failure.code === 'already_escalated'
            ? 'information'
            : failure.status === 403 || failure.status === 404
              ? 'warning'
              : 'error'
        }
      >
        <p>{failure.message}</p>
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
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'datetime-local';
  required?: boolean;
  maxLength?: number;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type={type}
        className="sr-input"
        required={required}
        maxLength={maxLength}
        value={value}
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
  onChange,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  errors?: string[];
  onChange: (reason: string) => void;
}) {
  return (
    <Field id={id} label={label} help={help} errors={errors}>
      <textarea
        id={id}
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

/** Renders `children` once the Forge context is known. */
export function WithContext({ children }: { children: (context: ScreenContext) => ReactNode }) {
  const context = useScreenContext();
  if (!context) return <Loading label={strings(DEFAULT_LANGUAGE_SETTINGS.default).loading} />;
  return <>{children(context)}</>;
}
