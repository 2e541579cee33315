import Button from '@atlaskit/button/new';
import { DEFAULT_WORKING_RANGE, WEEKDAYS, type Config } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { Errors, Section, Text, timeZones } from '../fields';
import { ClosedDays, HolidayPlaceFields, YearlyDays } from './HolidayFields';

/** The business-hours calendar (time zone, weekly ranges, public holidays, closed days) and the 24/7 one's zone. */
export function CalendarsSection({ config, t }: { config: Lens<Config>; t: Strings }) {
  const calendars = config.at('calendars');
  const bh = calendars.at('businessHours');
  const weekly = bh.at('weeklyHours');
  const holidays = bh.at('holidays');
  const zones = timeZones();
  return (
    <Section id="calendars" title={t.sections.calendars} errors={calendars.errors().length}>
      <h3>{t.businessHours}</h3>
      <Text id="bh-timeZone" label={t.timeZone} lens={bh.at('timeZone')} suggestions={zones} />
      <div role="group" aria-labelledby="weekly-title" data-testid="weekly-hours">
        <div id="weekly-title" className="sr-label">
          {t.businessHours}
        </div>
        <Errors messages={weekly.errorsHere()} />
        <table className="sr-table">
          <tbody>
            {WEEKDAYS.map((day) => {
              const ranges = weekly.at(day);
              return (
                <tr key={day}>
                  <th scope="row" style={{ width: 110 }}>
                    {t.days[day]}
                  </th>
                  <td>
                    {ranges.value.length === 0 ? <span className="sr-muted">{t.closed}</span> : null}
                    {ranges.value.map((range, i) => {
                      const messages = ranges.at(i).errors();
                      return (
                        <div
                          key={i}
                          className="sr-row"
                          style={{ marginBottom: 4 }}
                          data-invalid={messages.length > 0 || undefined}
                        >
                          <RangeEnd
                            lens={ranges.at(i)}
                            end="start"
                            testId={`hours-${day}-${i}`}
                            label={`${t.days[day]} ${i + 1} — ${t.start}`}
                          />
                          <span aria-hidden>–</span>
                          <RangeEnd
                            lens={ranges.at(i)}
                            end="end"
                            testId={`hours-${day}-${i}`}
                            label={`${t.days[day]} ${i + 1} — ${t.end}`}
                          />
                          <Button
                            appearance="subtle"
                            spacing="compact"
                            onClick={() => ranges.set(ranges.value.filter((_, j) => j !== i))}
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
                      onClick={() => ranges.set([...ranges.value, { ...DEFAULT_WORKING_RANGE }])}
                    >
                      {t.addRange}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <HolidayPlaceFields holidays={holidays} t={t} />
      <ClosedDays lens={holidays.at('fixedDates')} t={t} />
      <YearlyDays lens={holidays.at('yearlyDates')} t={t} />
      <Text
        id="tz-247"
        label={t.tzTwentyFourSeven}
        lens={calendars.at('twentyFourSeven').at('timeZone')}
        suggestions={zones}
      />
    </Section>
  );
}

/** One end of a working range, as typed (HH:MM); the range's errors mark both ends. */
function RangeEnd({
  lens,
  end,
  testId,
  label,
}: {
  lens: Lens<{ start: string; end: string }>;
  end: 'start' | 'end';
  testId: string;
  label: string;
}) {
  return (
    <input
      className="sr-input"
      aria-label={label}
      data-testid={`${testId}-${end}`}
      aria-invalid={lens.errors().length > 0}
      value={lens.value[end]}
      size={6}
      onChange={(e) => lens.at(end).set(e.target.value)}
    />
  );
}
