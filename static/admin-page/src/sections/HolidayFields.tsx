/**
 * The business-hours calendar's closed days: the country and region whose public holidays close it, picked from
 * date-holidays' lists named in the admin's language; one-off closed days with a date picker; yearly ones as a
 * month and a day. New rows start empty; the schema says what is missing.
 */
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { Config, HolidayPlaces } from '../../../../src/shared/contracts';
import { adminApi } from '../../../common/src/api';
import type { Strings } from '../../../common/src/i18n';
import { Field } from '../../../common/src/ui';
import type { Lens } from '../draft';
import { Errors } from '../fields';

type Holidays = Config['calendars']['businessHours']['holidays'];

/** The country and the region whose public holidays are closed days. */
export function HolidayPlaceFields({ holidays, t }: { holidays: Lens<Holidays>; t: Strings }) {
  const { country, region } = holidays.value;
  const [places, setPlaces] = useState<HolidayPlaces | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void adminApi('listHolidayPlaces', { country }).then((answer) => {
      if (!live) return;
      setPlaces(answer.ok ? answer.data : null);
      setFailure(answer.ok ? null : answer.message);
    });
    return () => {
      live = false;
    };
  }, [country]);
  const countryErrors = holidays.at('country').errors();
  const regionErrors = holidays.at('region').errors();
  const countries = places?.countries ?? [];
  const regions = places?.regions ?? [];
  const strayCountry = country !== null && places !== null && !countries.some((c) => c.code === country);
  const strayRegion = region !== null && places !== null && !regions.some((r) => r.code === region);
  return (
    <div className="sr-row" style={{ alignItems: 'flex-start', marginTop: 12 }}>
      <Field id="holidays-country" label={t.country} errors={countryErrors}>
        <select
          id="holidays-country"
          className="sr-select"
          aria-invalid={countryErrors.length > 0}
          value={country ?? ''}
          onChange={(e) => holidays.set({ ...holidays.value, country: e.target.value || null, region: null })}
        >
          <option value="">{t.noPublicHolidays}</option>
          {strayCountry ? <option value={country}>{t.notOnSite(country)}</option> : null}
          {places === null && country !== null ? <option value={country}>{country}</option> : null}
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </Field>
      <Field id="holidays-region" label={t.region} errors={regionErrors}>
        <select
          id="holidays-region"
          className="sr-select"
          aria-invalid={regionErrors.length > 0}
          disabled={country === null || (regions.length === 0 && region === null)}
          value={region ?? ''}
          onChange={(e) => holidays.at('region').set(e.target.value || null)}
        >
          <option value="">
            {country !== null && places !== null && regions.length === 0 ? t.noRegions : t.wholeCountry}
          </option>
          {strayRegion || (places === null && region !== null) ? <option value={region!}>{region}</option> : null}
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </Field>
      {failure ? <Errors messages={[failure]} /> : null}
    </div>
  );
}

/** One-off closed days, each with the browser's date picker (YYYY-MM-DD). */
export function ClosedDays({ lens, t }: { lens: Lens<string[]>; t: Strings }) {
  return (
    <div role="group" aria-labelledby="fixed-dates-title" data-testid="fixed-dates">
      <div id="fixed-dates-title" className="sr-label">
        {t.fixedDates}
      </div>
      <Errors messages={lens.errorsHere()} />
      {lens.value.map((date, i) => {
        const errors = lens.at(i).errors();
        return (
          <div key={i} className="sr-row" style={{ marginBottom: 4, alignItems: 'flex-start' }}>
            <input
              type="date"
              className="sr-input"
              aria-label={t.closedDay(i + 1)}
              aria-invalid={errors.length > 0}
              data-testid={`fixed-date-${i}`}
              value={date}
              onChange={(e) => lens.at(i).set(e.target.value)}
            />
            <Button appearance="subtle" onClick={() => lens.set(lens.value.filter((_, j) => j !== i))}>
              {t.remove}
            </Button>
            <Errors messages={errors} testId={`error-fixed-date-${i}`} />
          </div>
        );
      })}
      <Button appearance="subtle" testId="add-fixed-date" onClick={() => lens.set([...lens.value, ''])}>
        {t.addClosedDay}
      </Button>
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days closed every year, each a month and a day (MM-DD). */
export function YearlyDays({ lens, t }: { lens: Lens<string[]>; t: Strings }) {
  const monthName = new Intl.DateTimeFormat(t.intlLocale, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: pad(i + 1),
    name: monthName.format(Date.UTC(2024, i, 1)),
  }));
  return (
    <div role="group" aria-labelledby="yearly-dates-title" data-testid="yearly-dates">
      <div id="yearly-dates-title" className="sr-label">
        {t.yearlyDates}
      </div>
      <Errors messages={lens.errorsHere()} />
      {lens.value.map((date, i) => {
        const errors = lens.at(i).errors();
        const [month = '', day = ''] = /^\d\d-\d\d$/.test(date)
          ? date.split('-')
          : date.split('-').map((p) => (/^\d\d$/.test(p) ? p : ''));
        const write = (m: string, d: string) => lens.at(i).set(`${m}-${d}`);
        return (
          <div key={i} className="sr-row" style={{ marginBottom: 4, alignItems: 'flex-start' }}>
            <select
              className="sr-select"
              aria-label={`${t.yearlyDay(i + 1)} — ${t.month}`}
              aria-invalid={errors.length > 0}
              data-testid={`yearly-month-${i}`}
              value={month}
              onChange={(e) => write(e.target.value, day)}
            >
              <option value="" disabled>
                {t.month}
              </option>
              {months.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.name}
                </option>
              ))}
            </select>
            <select
              className="sr-select"
              aria-label={`${t.yearlyDay(i + 1)} — ${t.day}`}
              aria-invalid={errors.length > 0}
              data-testid={`yearly-day-${i}`}
              value={day}
              onChange={(e) => write(month, e.target.value)}
            >
              <option value="" disabled>
                {t.day}
              </option>
              {Array.from({ length: 31 }, (_, d) => pad(d + 1)).map((d) => (
                <option key={d} value={d}>
                  {Number(d)}
                </option>
              ))}
            </select>
            <Button appearance="subtle" onClick={() => lens.set(lens.value.filter((_, j) => j !== i))}>
              {t.remove}
            </Button>
            <Errors messages={errors} testId={`error-yearly-date-${i}`} />
          </div>
        );
      })}
      <Button appearance="subtle" testId="add-yearly-date" onClick={() => lens.set([...lens.value, ''])}>
        {t.addYearlyDay}
      </Button>
    </div>
  );
}
