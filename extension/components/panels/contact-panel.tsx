import type { PanelDefinition, PanelProps } from '../panel-types';
import { daysBetween, formatDay, formatWholeDays } from '../format';

function ContactPanel({ view }: PanelProps) {
  const cp = view.summary.counterpartSummary;
  if (!cp) return null;
  const exactDays = cp.daysSinceContact ?? (cp.lastContactAt ? daysBetween(cp.lastContactAt, view.now) : null);
  const overCadence = exactDays !== null && cp.cadenceDays !== null && exactDays > cp.cadenceDays;
  const renewalDays = cp.renewalDate ? -daysBetween(cp.renewalDate, view.now) : null;
  return (
    <div>
      <p data-testid="ft-days-since-contact" className={overCadence ? 'ft-tone-bad' : undefined}>
        {exactDays === null ? 'No contact recorded yet.' : formatWholeDays(exactDays) === 'today' ? 'Last contact today' : `${formatWholeDays(exactDays)} since last contact`}
        {cp.cadenceDays !== null && ` (agreed cadence: every ${cp.cadenceDays} days${overCadence ? ', overdue' : ''})`}
        {cp.cadenceDays === null && ' (no cadence agreed)'}
      </p>
      <p data-testid="ft-renewal">
        {cp.renewalDate
          ? `Renewal ${formatDay(cp.renewalDate, view.timeZone)}${renewalDays !== null && renewalDays >= 0 && renewalDays <= 60 ? `: in ${renewalDays} days` : ''}`
          : 'Renewal date not set.'}
      </p>
    </div>
  );
}

export const contactPanel: PanelDefinition = {
  id: 'contact-panel',
  title: 'Contact and cadence',
  Component: ContactPanel,
  applies: (view) => view.summary.counterpartSummary !== null,
};
