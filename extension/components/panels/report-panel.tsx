import { useState } from 'react';
import type { PanelDefinition, PanelProps, ReportResult } from '../panel-types';

/**
 * The 1-page progress report. Shown as text in a <pre>: the server also sends HTML, which we never
 * inject (it is built from mail snippets); copying and inserting use the plain text.
 */
function ReportPanel({ view, actions }: PanelProps) {
  const [result, setResult] = useState<ReportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  if (!view.summary.counterpart) return null;
  const open = async () => {
    setBusy(true);
    try {
      setResult(await actions.draftReport());
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" disabled={busy} data-testid="ft-report-open" aria-expanded={result !== null} onClick={() => void open()}>
        Draft progress report
      </button>
      {result && !result.ok && <p className="ft-tone-bad" role="alert">{result.message}</p>}
      {result?.ok && (
        <div className="ft-report" data-testid="ft-report">
          <pre className="ft-report-text" data-testid="ft-report-text" tabIndex={0} aria-label="Progress report draft">
            {result.report.text}
          </pre>
          {result.source === 'local' && <p className="ft-muted">Drafted from this thread only.</p>}
          <div className="ft-actions">
            <button type="button" data-testid="ft-report-copy" onClick={() => void actions.copyText(result.report.text).then((ok) => setStatus(ok ? 'Copied.' : 'Copy failed: select the text and copy.'))}>
              Copy
            </button>
            <button type="button" data-testid="ft-report-insert" onClick={() => setStatus(actions.insertIntoReply(result.report.text) ? 'Inserted into your reply.' : 'Open a reply first, then insert.')}>
              Insert into reply
            </button>
          </div>
          <p className="ft-muted" role="status" aria-live="polite">{status}</p>
        </div>
      )}
    </div>
  );
}

export const reportPanel: PanelDefinition = {
  id: 'report-panel',
  title: 'Progress report',
  Component: ReportPanel,
  applies: (view) => view.summary.counterpart !== null,
};
