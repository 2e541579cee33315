import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Toggle from '@atlaskit/toggle';
import {
  CANONICAL_STATUSES,
  COVERAGES,
  DEFAULT_WORKING_RANGE,
  LANGUAGES,
  WEEKDAYS,
  type CanonicalStatus,
  type Config,
  type ConfigError,
  type Coverage,
  type SetupCheck,
} from '../../../src/shared/contracts';
import { statusName, strings, type Strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Field } from '../../common/src/ui';
import { errorsAt, parseList, setIn, withoutKey } from './draft';
import { Picker } from './Picker';

interface Props {
  ctx: ScreenContext;
  draft: Config;
  errors: ConfigError[];
  statuses: SetupCheck['statuses'];
  onChange: (next: Config) => void;
}

/** Every setting of the configuration schema, grouped, with the schema's errors under the field they concern. */
export function ConfigForm({ ctx, draft, errors, statuses, onChange }: Props) {
  const t = strings(ctx.lang);
  const set = (path: (string | number)[], value: unknown) => onChange(setIn(draft, path, value));
  const err = (path: string) => errorsAt(errors, path);
  const bh = draft.calendars.businessHours;
  return (
    <div className="sr-stack">
      <Section
        id="workflow"
        title={t.sections.workflow}
        errors={err('statusMapping').length + err('consultingResolution').length}
      >
        <table className="sr-table">
          <thead>
            <tr>
              <th scope="col">{t.siteStatus}</th>
              <th scope="col">{t.canonicalStatus}</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((s) => {
              const explicit = draft.statusMapping.byId[s.id];
              const id = `map-${s.id}`;
              return (
                <tr key={s.id}>
                  <td>
                    <label htmlFor={id}>{s.name}</label>
                  </td>
                  <td>
                    <select
                      id={id}
                      className="sr-select"
                      value={explicit ?? ''}
                      onChange={(e) =>
                        set(
                          ['statusMapping', 'byId'],
                          e.target.value
                            ? { ...draft.statusMapping.byId, [s.id]: e.target.value }
                            : withoutKey(draft.statusMapping.byId, s.id),
                        )
                      }
                    >
                      <option value="">
                        {s.canonical ? t.byDefault(statusName(s.canonical, ctx.lang)) : t.notMapped}
                      </option>
                      {CANONICAL_STATUSES.map((c) => (
                        <option key={c} value={c}>
                          {statusName(c, ctx.lang)}
                        </option>
                      ))}
                    </select>
                    <Errors messages={err(`statusMapping.byId.${s.id}`)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h3 style={{ marginTop: 12 }}>{t.extraNames}</h3>
        <RecordRows
          id="byName"
          t={t}
          entries={draft.statusMapping.byName}
          keyLabel={t.statusName}
          errors={(key) => err(`statusMapping.byName.${key}`)}
          fresh={'in_progress' as CanonicalStatus}
          addLabel={t.addStatusName}
          onChange={(next) => set(['statusMapping', 'byName'], next)}
          renderValue={(value, onValue, id) => (
            <select
              id={id}
              className="sr-select"
              value={value}
              onChange={(e) => onValue(e.target.value as CanonicalStatus)}
            >
              {CANONICAL_STATUSES.map((c) => (
                <option key={c} value={c}>
                  {statusName(c, ctx.lang)}
                </option>
              ))}
            </select>
          )}
        />
        <Text
          id="consultingResolution"
          label={t.consultingResolution}
          value={draft.consultingResolution}
          errors={err('consultingResolution')}
          onChange={(v) => set(['consultingResolution'], v)}
        />
      </Section>

      <Section id="calendars" title={t.sections.calendars} errors={err('calendars').length}>
        <h3>{t.businessHours}</h3>
        <Text
          id="bh-timeZone"
          label={t.timeZone}
          value={bh.timeZone}
          errors={err('calendars.businessHours.timeZone')}
          onChange={(v) => set(['calendars', 'businessHours', 'timeZone'], v)}
        />
        <div role="group" aria-labelledby="weekly-title" data-testid="weekly-hours">
          <div id="weekly-title" className="sr-label">
            {t.businessHours}
          </div>
          <Errors
            messages={errors.filter((e) => e.path === 'calendars.businessHours.weeklyHours').map((e) => e.message)}
          />
          <table className="sr-table">
            <tbody>
              {WEEKDAYS.map((day) => (
                <tr key={day}>
                  <th scope="row" style={{ width: 110 }}>
                    {t.days[day]}
                  </th>
                  <td>
                    {bh.weeklyHours[day].length === 0 ? <span className="sr-muted">{t.closed}</span> : null}
                    {bh.weeklyHours[day].map((range, i) => {
                      const base = `calendars.businessHours.weeklyHours.${day}.${i}`;
                      const messages = err(base);
                      return (
                        <div
                          key={i}
                          className="sr-row"
                          style={{ marginBottom: 4 }}
                          data-invalid={messages.length > 0 || undefined}
                        >
                          <input
                            className="sr-input"
                            aria-label={`${t.days[day]} ${i + 1} — ${t.start}`}
                            data-testid={`hours-${day}-${i}-start`}
                            aria-invalid={messages.length > 0}
                            value={range.start}
                            size={6}
                            onChange={(e) =>
                              set(['calendars', 'businessHours', 'weeklyHours', day, i, 'start'], e.target.value)
                            }
                          />
                          <span aria-hidden>–</span>
                          <input
                            className="sr-input"
                            aria-label={`${t.days[day]} ${i + 1} — ${t.end}`}
                            data-testid={`hours-${day}-${i}-end`}
                            aria-invalid={messages.length > 0}
                            value={range.end}
                            size={6}
                            onChange={(e) =>
                              set(['calendars', 'businessHours', 'weeklyHours', day, i, 'end'], e.target.value)
                            }
                          />
                          <Button
                            appearance="subtle"
                            spacing="compact"
                            onClick={() =>
                              set(
                                ['calendars', 'businessHours', 'weeklyHours', day],
                                bh.weeklyHours[day].filter((_, j) => j !== i),
                              )
                            }
                          >
                            {t.remove}
                          </Button>
                          <Errors messages={messages} testId={`error-hours-${day}-${i}`} />
                        </div>
                      );
                    })}
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      onClick={() =>
                        set(
                          ['calendars', 'businessHours', 'weeklyHours', day],
                          [...bh.weeklyHours[day], { ...DEFAULT_WORKING_RANGE }],
                        )
                      }
                    >
                      {t.addRange}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="sr-row" style={{ alignItems: 'flex-start', marginTop: 12 }}>
          <Text
            id="holidays-country"
            label={t.country}
            value={bh.holidays.country ?? ''}
            errors={err('calendars.businessHours.holidays.country')}
            onChange={(v) =>
              set(
                ['calendars', 'businessHours', 'holidays', 'country'],
                v.trim() === '' ? null : v.trim().toUpperCase(),
              )
            }
          />
          <Text
            id="holidays-region"
            label={t.region}
            value={bh.holidays.region ?? ''}
            errors={err('calendars.businessHours.holidays.region')}
            onChange={(v) =>
              set(['calendars', 'businessHours', 'holidays', 'region'], v.trim() === '' ? null : v.trim())
            }
          />
        </div>
        <ListText
          id="holidays-fixed"
          label={t.fixedDates}
          value={bh.holidays.fixedDates}
          numeric={false}
          errors={err('calendars.businessHours.holidays.fixedDates')}
          onChange={(v) => set(['calendars', 'businessHours', 'holidays', 'fixedDates'], v)}
        />
        <ListText
          id="holidays-yearly"
          label={t.yearlyDates}
          value={bh.holidays.yearlyDates}
          numeric={false}
          errors={err('calendars.businessHours.holidays.yearlyDates')}
          onChange={(v) => set(['calendars', 'businessHours', 'holidays', 'yearlyDates'], v)}
        />
        <Text
          id="tz-247"
          label={t.tzTwentyFourSeven}
          value={draft.calendars.twentyFourSeven.timeZone}
          errors={err('calendars.twentyFourSeven')}
          onChange={(v) => set(['calendars', 'twentyFourSeven', 'timeZone'], v)}
        />
      </Section>

      <Section id="coverage" title={t.sections.coverage} errors={err('coverage').length}>
        <Field id="coverage-default" label={t.defaultCoverage} errors={err('coverage.default')}>
          <CoverageSelect
            id="coverage-default"
            t={t}
            value={draft.coverage.default}
            onChange={(v) => set(['coverage', 'default'], v)}
          />
        </Field>
        <RecordRows
          id="org"
          t={t}
          entries={draft.coverage.byOrganization}
          keyLabel={t.organization}
          errors={(key) => err(`coverage.byOrganization.${key}`)}
          fresh={'24x7' as Coverage}
          onChange={(next) => set(['coverage', 'byOrganization'], next)}
          renderValue={(value, onValue, id) => <CoverageSelect id={id} t={t} value={value} onChange={onValue} />}
          addLabel={t.addOrganization}
        />
      </Section>

      <Section id="goals" title={t.sections.goals} errors={err('responseGoals').length}>
        <NumberField
          id="goal-default"
          label={t.defaultGoal}
          value={draft.responseGoals.defaultMinutes}
          errors={err('responseGoals.defaultMinutes')}
          onChange={(v) => set(['responseGoals', 'defaultMinutes'], v)}
        />
        <RecordRows
          id="priority"
          t={t}
          entries={draft.responseGoals.byPriority}
          keyLabel={t.priority}
          errors={(key) => err(`responseGoals.byPriority.${key}`)}
          fresh={60}
          onChange={(next) => set(['responseGoals', 'byPriority'], next)}
          renderValue={(value, onValue, id) => (
            <input
              id={id}
              type="number"
              className="sr-input"
              aria-label={t.minutes}
              min={1}
              value={Number.isFinite(value) ? value : ''}
              onChange={(e) => onValue(e.target.valueAsNumber)}
            />
          )}
          addLabel={t.addPriority}
        />
      </Section>

      <Section id="reminders" title={t.sections.reminders} errors={err('reminders').length}>
        <ListText
          id="reminder-days"
          label={t.reminderDays}
          value={draft.reminders.reminderDays}
          numeric
          errors={err('reminders.reminderDays')}
          onChange={(v) => set(['reminders', 'reminderDays'], v)}
        />
        <NumberField
          id="autoclose-days"
          label={t.autoCloseDays}
          value={draft.reminders.autoCloseDays}
          errors={err('reminders.autoCloseDays')}
          onChange={(v) => set(['reminders', 'autoCloseDays'], v)}
        />
        <Text
          id="autoclose-resolution"
          label={t.autoCloseResolution}
          value={draft.reminders.autoCloseResolution}
          errors={err('reminders.autoCloseResolution')}
          onChange={(v) => set(['reminders', 'autoCloseResolution'], v)}
        />
      </Section>

      <Section id="escalation" title={t.sections.escalation} errors={err('escalation').length}>
        <Picker
          id="team-lead"
          kind="user"
          lang={ctx.lang}
          label={t.teamLead}
          value={draft.escalation.teamLeadAccountId}
          errors={err('escalation.teamLeadAccountId')}
          onChange={(v) => set(['escalation', 'teamLeadAccountId'], v)}
        />
        <Picker
          id="offer-manager"
          kind="user"
          lang={ctx.lang}
          label={t.offerManager}
          value={draft.escalation.offerManagerAccountId}
          errors={err('escalation.offerManagerAccountId')}
          onChange={(v) => set(['escalation', 'offerManagerAccountId'], v)}
        />
        <Picker
          id="support-group"
          kind="group"
          lang={ctx.lang}
          label={t.supportGroup}
          value={draft.escalation.supportTeamGroup}
          errors={err('escalation.supportTeamGroup')}
          onChange={(v) => set(['escalation', 'supportTeamGroup'], v)}
        />
        <div role="group" aria-labelledby="phones-title">
          <div id="phones-title" className="sr-label">
            {t.phones}
          </div>
          {draft.escalation.urgentPhoneNumbers.map((p, i) => (
            <div key={i} className="sr-row" style={{ alignItems: 'flex-start' }}>
              <Text
                id={`phone-${i}-label`}
                label={t.phoneLabel}
                value={p.label}
                errors={err(`escalation.urgentPhoneNumbers.${i}.label`)}
                onChange={(v) => set(['escalation', 'urgentPhoneNumbers', i, 'label'], v)}
              />
              <Text
                id={`phone-${i}-number`}
                label={t.phoneNumber}
                value={p.number}
                errors={err(`escalation.urgentPhoneNumbers.${i}.number`)}
                onChange={(v) => set(['escalation', 'urgentPhoneNumbers', i, 'number'], v)}
              />
              <div style={{ paddingTop: 22 }}>
                <Button
                  appearance="subtle"
                  onClick={() =>
                    set(
                      ['escalation', 'urgentPhoneNumbers'],
                      draft.escalation.urgentPhoneNumbers.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t.remove}
                </Button>
              </div>
            </div>
          ))}
          <Button
            appearance="subtle"
            onClick={() =>
              set(
                ['escalation', 'urgentPhoneNumbers'],
                [...draft.escalation.urgentPhoneNumbers, { label: '', number: '' }],
              )
            }
          >
            {t.addPhone}
          </Button>
        </div>
      </Section>

      <Section id="languages" title={t.sections.languages} errors={err('languages').length}>
        <Field id="lang-default" label={t.defaultLanguage} errors={err('languages.default')}>
          <select
            id="lang-default"
            className="sr-select"
            value={draft.languages.default}
            onChange={(e) => set(['languages', 'default'], e.target.value)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t.languageNames[l]}
              </option>
            ))}
          </select>
        </Field>
        <fieldset style={{ border: 0, padding: 0 }}>
          <legend className="sr-label">{t.availableLanguages}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} style={{ marginRight: 16 }}>
              <input
                type="checkbox"
                checked={draft.languages.available.includes(l)}
                onChange={(e) =>
                  set(
                    ['languages', 'available'],
                    e.target.checked
                      ? [...draft.languages.available, l]
                      : draft.languages.available.filter((x) => x !== l),
                  )
                }
              />{' '}
              {t.languageNames[l]}
            </label>
          ))}
          <Errors messages={err('languages.available')} />
        </fieldset>
      </Section>

      <Section id="rules" title={t.sections.rules} errors={err('rules').length}>
        {(Object.keys(draft.rules) as (keyof Config['rules'])[]).map((rule) => (
          <div
            key={rule}
            className="sr-row"
            style={{ justifyContent: 'space-between', borderBottom: '1px solid var(--ds-border)', padding: '4px 0' }}
          >
            <label htmlFor={`rule-${rule}`}>{t.rules[rule] ?? rule}</label>
            <Toggle
              id={`rule-${rule}`}
              testId={`rule-${rule}`}
              isChecked={draft.rules[rule]}
              onChange={() => set(['rules', rule], !draft.rules[rule])}
              label={t.rules[rule] ?? rule}
            />
          </div>
        ))}
      </Section>
    </div>
  );
}

function Section({ id, title, errors, children }: { id: string; title: string; errors: number; children: ReactNode }) {
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

function Errors({ messages, testId }: { messages: string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="sr-error" role="alert" data-testid={testId}>
      {messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </div>
  );
}

function Text({
  id,
  label,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  errors: string[];
  onChange: (v: string) => void;
}) {
  return (
    <Field id={id} label={label} errors={errors}>
      <input
        id={id}
        className="sr-input"
        value={value}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

function NumberField({
  id,
  label,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  errors: string[];
  onChange: (v: number) => void;
}) {
  return (
    <Field id={id} label={label} errors={errors}>
      <input
        id={id}
        type="number"
        className="sr-input"
        style={{ maxWidth: 160 }}
        value={Number.isFinite(value) ? value : ''}
        aria-invalid={errors.length > 0}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
    </Field>
  );
}

/** A list typed as comma-separated text; the text stays as typed while the draft gets the parsed list. */
function ListText({
  id,
  label,
  value,
  numeric,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  value: readonly (string | number)[];
  numeric: boolean;
  errors: string[];
  onChange: (v: (string | number)[]) => void;
}) {
  const [text, setText] = useState(value.join(', '));
  return (
    <Field id={id} label={label} errors={errors}>
      <input
        id={id}
        className="sr-input"
        value={text}
        aria-invalid={errors.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseList(e.target.value, numeric));
        }}
      />
    </Field>
  );
}

function CoverageSelect({
  id,
  t,
  value,
  onChange,
}: {
  id: string;
  t: Strings;
  value: Coverage;
  onChange: (v: Coverage) => void;
}) {
  return (
    <select id={id} className="sr-select" value={value} onChange={(e) => onChange(e.target.value as Coverage)}>
      {COVERAGES.map((c) => (
        <option key={c} value={c}>
          {t.coverage[c]}
        </option>
      ))}
    </select>
  );
}

/** A table of name → value rows (organizations, priorities, status names), renamed and removed in place. */
function RecordRows<V>(props: {
  id: string;
  t: Strings;
  entries: Record<string, V>;
  keyLabel: string;
  fresh: V;
  errors: (key: string) => string[];
  onChange: (next: Record<string, V>) => void;
  renderValue: (value: V, onValue: (v: V) => void, id: string) => ReactNode;
  addLabel: string;
}) {
  const { id, t, entries, keyLabel, fresh, errors, onChange, renderValue, addLabel } = props;
  const rows = Object.entries(entries);
  const rename = (from: string, to: string) =>
    onChange(Object.fromEntries(rows.map(([k, v]) => [k === from ? to : k, v])));
  return (
    <div data-testid={`rows-${id}`}>
      {rows.map(([key, value], i) => (
        <div key={i} className="sr-row" style={{ marginBottom: 4, alignItems: 'flex-start' }}>
          <input className="sr-input" aria-label={keyLabel} value={key} onChange={(e) => rename(key, e.target.value)} />
          {renderValue(value, (v) => onChange({ ...entries, [key]: v }), `${id}-${i}-value`)}
          <Button appearance="subtle" onClick={() => onChange(withoutKey(entries, key))}>
            {t.remove}
          </Button>
          <Errors messages={errors(key)} />
        </div>
      ))}
      <Button appearance="subtle" onClick={() => onChange({ ...entries, [uniqueKey(entries)]: fresh })}>
        {addLabel}
      </Button>
    </div>
  );
}

function uniqueKey(entries: Record<string, unknown>): string {
  let n = Object.keys(entries).length + 1;
  while (`?${n}` in entries) n++;
  return `?${n}`;
}
