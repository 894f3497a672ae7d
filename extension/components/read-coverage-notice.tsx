import type { ReadCoverage } from '../utils/read-coverage';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What the page did not let us read, and what was left out of the figures because of it. */
export function ReadCoverageNotice({ coverage, collapsed }: { coverage: ReadCoverage; collapsed: number }) {
  const unreadParts = [
    coverage.unreadSenders > 0 ? `the sender of ${plural(coverage.unreadSenders, 'message', 'messages')}` : null,
    coverage.unreadTimes > 0 ? `the time of ${plural(coverage.unreadTimes, 'message', 'messages')}` : null,
  ].filter(Boolean);
  const leftOut = [
    coverage.initiatorKnown ? null : 'who started the thread',
    coverage.lastKnown ? null : 'who has the last word',
    coverage.droppedLags > 0 ? plural(coverage.droppedLags, 'reply time', 'reply times') : null,
  ].filter(Boolean);
  return (
    <>
      {collapsed > 0 && (
        <p className="ft-muted" data-testid="ft-partial">
          {plural(collapsed, 'collapsed message', 'collapsed messages')} read from the preview only; open them for full detail.
        </p>
      )}
      {coverage.folded > 0 && (
        <p className="ft-muted" data-testid="ft-folded">
          {plural(coverage.folded, 'older message is', 'older messages are')} folded away by the mail client and not counted; reply times across
          them are not measured.
        </p>
      )}
      {unreadParts.length > 0 && (
        <p className="ft-muted" data-testid="ft-unread">
          Could not read {unreadParts.join(' and ')} on this page: left out of the figures
          {leftOut.length > 0 ? ` (not shown: ${leftOut.join(', ')})` : ''}.
        </p>
      )}
    </>
  );
}
