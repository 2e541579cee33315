/**
 * The admin page's form pieces: a section card with its error count, a field's messages, text, number and
 * comma-separated list inputs, and a table of name → value rows. Each takes a lens on its place in the draft.
 */
import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import type { Strings } from '../../common/src/i18n';
import { Field } from '../../common/src/ui';
import { parseList, withoutKey, type Lens } from './draft';

/** A group of settings, its title showing how many of them need fixing. */
export function Section({
  id,
  title,
  errors,
  children,
}: {
  id: string;
  title: string;
  errors: number;
  children: ReactNode;
}) {
  return (
    <section className="sr-card" aria-labelledby={`section-${id}`} data-testid={`section-${id}`}>
      <h2 id={`section-${id}`}>
        {title}
        {errors > 0 ? (
          <span className="sr-error" style={{ marginLeft: 8, fontSize: 12 }}>
            ({errors})
          </span>
        ) : null}
      </h2>
      {children}
    </section>
  );
}

/** The schema's messages for one place, announced to screen readers. */
export function Errors({ messages, testId }: { messages: string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="sr-error" role="alert" data-testid={testId}>
      {messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </div>
  );
}

/** One setting in one input: how its value is shown, and how what is typed becomes its value. */
function Input<V>({
  id,
  label,
  lens,
  show,
  read,
  type,
  suggestions,
}: {
  id: string;
  label: string;
  lens: Lens<V>;
  show: (value: V) => string | number;
  read: (input: HTMLInputElement) => V;
  type?: 'number';
  /** Values the browser offers as the admin types (a datalist); another value can still be typed. */
  suggestions?: readonly string[];
}) {
  const errors = lens.errors();
  return (
    <Field id={id} label={label} errors={errors}>
      <input
        id={id}
        type={type}
        className="sr-input"
        style={type === 'number' ? { maxWidth: 160 } : undefined}
        value={show(lens.value)}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        list={suggestions ? `${id}-suggestions` : undefined}
        autoComplete={suggestions ? 'off' : undefined}
        onChange={(e) => lens.set(read(e.target))}
      />
      {suggestions ? (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ) : null}
    </Field>
  );
}

/** A text setting. */
export function Text({
  id,
  label,
  lens,
  suggestions,
}: {
  id: string;
  label: string;
  lens: Lens<string>;
  suggestions?: readonly string[];
}) {
  return (
    <Input id={id} label={label} lens={lens} show={(v) => v} read={(input) => input.value} suggestions={suggestions} />
  );
}

/**
 * The IANA time zones the browser knows (Intl's list: the tz database's canonical names), for a zone's field.
 * @example timeZones().includes('Europe/Paris') //=> true
 */
export function timeZones(): readonly string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** A number setting (what is not a number is left for the schema to explain). */
export function NumberField({ id, label, lens }: { id: string; label: string; lens: Lens<number> }) {
  return (
    <Input
      id={id}
      label={label}
      lens={lens}
      type="number"
      show={(v) => (Number.isFinite(v) ? v : '')}
      read={(input) => input.valueAsNumber}
    />
  );
}

/**
 * A list typed as comma-separated text; the text stays as typed while the draft gets the parsed list (an item
 * that is not of the list's kind is kept as typed, so the schema can say what is wrong with it).
 */
export function ListText<V extends string | number>({
  id,
  label,
  lens,
  numeric,
}: {
  id: string;
  label: string;
  lens: Lens<V[]>;
  numeric: V extends number ? true : false;
}) {
  const [text, setText] = useState(lens.value.join(', '));
  const errors = lens.errors();
  return (
    <Field id={id} label={label} errors={errors}>
      <input
        id={id}
        className="sr-input"
        value={text}
        aria-invalid={errors.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          lens.set(parseList(e.target.value, numeric) as V[]);
        }}
      />
    </Field>
  );
}

/**
 * A table of name → value rows (organizations, priorities, status names), renamed and removed in place. A row's
 * name is picked from `keys.choices` when given (a new row takes the first one not yet used), else typed (a new row
 * starts empty, with the name's label as placeholder): never a made-up name.
 */
export function RecordRows<V>(props: {
  id: string;
  t: Strings;
  lens: Lens<Record<string, V>>;
  keyLabel: string;
  /** What each row's value is (its accessible name, with the row's key). */
  valueLabel: string;
  fresh: V;
  renderValue: (value: V, onValue: (v: V) => void, id: string, label: string) => ReactNode;
  addLabel: string;
  /** The names the site offers, and how a row's name is picked among them (the names other rows took left out). */
  keys?: {
    choices: readonly string[] | null;
    render: (key: string, onKey: (k: string) => void, id: string, label: string, taken: string[]) => ReactNode;
  };
}) {
  const { id, t, lens, keyLabel, valueLabel, fresh, renderValue, addLabel, keys } = props;
  const entries = lens.value;
  const rows = Object.entries(entries);
  const rename = (from: string, to: string) => {
    if (to !== from && Object.hasOwn(entries, to)) return;
    lens.set(Object.fromEntries(rows.map(([k, v]) => [k === from ? to : k, v])));
  };
  const freshKey = keys?.choices ? (keys.choices.find((c) => !Object.hasOwn(entries, c)) ?? null) : '';
  const canAdd = freshKey !== null && !Object.hasOwn(entries, freshKey);
  return (
    <div data-testid={`rows-${id}`}>
      {rows.map(([key, value], i) => {
        const keyId = `${id}-${i}-key`;
        const onKey = (k: string) => rename(key, k);
        return (
          <div key={i} className="sr-row" style={{ marginBottom: 4, alignItems: 'flex-start' }} data-row-key={key}>
            {keys ? (
              keys.render(
                key,
                onKey,
                keyId,
                keyLabel,
                rows.map(([k]) => k).filter((k) => k !== key),
              )
            ) : (
              <input
                id={keyId}
                className="sr-input"
                aria-label={keyLabel}
                aria-invalid={lens.at(key).errors().length > 0}
                placeholder={keyLabel}
                value={key}
                onChange={(e) => onKey(e.target.value)}
              />
            )}
            {renderValue(
              value,
              (v) => lens.set({ ...entries, [key]: v }),
              `${id}-${i}-value`,
              `${valueLabel} (${key || keyLabel})`,
            )}
            <Button appearance="subtle" onClick={() => lens.set(withoutKey(entries, key))}>
              {t.remove}
            </Button>
            <Errors messages={lens.at(key).errors()} />
          </div>
        );
      })}
      <Button
        appearance="subtle"
        isDisabled={!canAdd}
        testId={`add-${id}`}
        onClick={() => freshKey !== null && lens.set({ ...entries, [freshKey]: fresh })}
      >
        {addLabel}
      </Button>
    </div>
  );
}
