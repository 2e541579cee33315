import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import type { Language, PickerOption } from '../../../src/shared/contracts';
import { adminApi } from '../../common/src/api';
import { strings } from '../../common/src/i18n';
import { Field } from '../../common/src/ui';

interface Props {
  id: string;
  label: string;
  lang: Language;
  /** People (account ids) or groups (names). */
  kind: 'user' | 'group';
  value: string | null;
  errors: string[];
  onChange: (value: string | null) => void;
}

const DEBOUNCE_MS = 250;

/**
 * A contact picker as Jira's: type part of a name (or an email), pick one of the matches Jira finds. The chosen
 * person shows by name, with the account id the configuration stores beneath. Keyboard: arrows, Enter, Escape.
 */
export function Picker({ id, label, lang, kind, value, errors, onChange }: Props) {
  const t = strings(lang);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const latest = useRef(0);

  // The chosen account's name (a group's name is its id).
  useEffect(() => {
    setChosenLabel(null);
    if (value === null || kind === 'group') return;
    let live = true;
    void adminApi('findPeople', { kind, ids: [value] }).then((answer) => {
      if (!live) return;
      const found = answer.ok ? answer.data.options.find((o) => o.id === value) : undefined;
      setChosenLabel(found ? found.label : answer.ok ? strings(lang).pickUnknown(value) : value);
    });
    return () => {
      live = false;
    };
  }, [value, kind, lang]);

  // Matches of what the admin types, the latest search winning.
  useEffect(() => {
    if (query === null || query.trim() === '') {
      setOptions([]);
      setSearching(false);
      return;
    }
    const ticket = ++latest.current;
    setSearching(true);
    const timer = setTimeout(() => {
      void adminApi('findPeople', { kind, query: query.trim() }).then((answer) => {
        if (ticket !== latest.current) return;
        setSearching(false);
        setFailure(answer.ok ? null : answer.message);
        setOptions(answer.ok ? answer.data.options : []);
        setActive(0);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, kind, lang]);

  const open = query !== null && query.trim() !== '';
  const listId = `${id}-options`;
  const choose = (option: PickerOption) => {
    onChange(option.id);
    setChosenLabel(option.label);
    setQuery(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (e.key === 'Escape') {
      setQuery(null);
    }
  };
  const shown = query ?? (value === null ? '' : kind === 'group' ? value : (chosenLabel ?? value));

  return (
    <Field id={id} label={label} errors={failure ? [...errors, failure] : errors}>
      <div className="sr-picker" data-picker={kind}>
        <div className="sr-row" style={{ alignItems: 'center' }}>
          <input
            id={id}
            className="sr-input"
            style={{ width: 320 }}
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
            aria-invalid={errors.length > 0}
            autoComplete="off"
            placeholder={kind === 'group' ? t.pickGroup : t.pickPerson}
            value={shown}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKey}
            onBlur={() => setTimeout(() => setQuery(null), 200)}
          />
          {value !== null ? (
            <Button appearance="subtle" onClick={() => onChange(null)}>
              {t.pickClear}
            </Button>
          ) : null}
        </div>
        {value !== null && kind === 'user' ? (
          <div className="sr-help" data-testid={`${id}-chosen`}>
            {value}
          </div>
        ) : null}
        {value === null && query === null ? <div className="sr-help">{t.pickNone}</div> : null}
        {open ? (
          <ul id={listId} role="listbox" className="sr-picker-options" aria-label={label}>
            {searching && options.length === 0 ? <li className="sr-help">{t.pickSearching}</li> : null}
            {!searching && options.length === 0 ? <li className="sr-help">{t.pickNoMatch}</li> : null}
            {options.map((option, i) => (
              <li
                key={option.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                data-id={option.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
              >
                <span>{option.label}</span>
                {option.detail ? <span className="sr-help"> · {option.detail}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Field>
  );
}
