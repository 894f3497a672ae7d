import { useState } from 'react';
import type { MissingPart } from '../hosts/mail-host';

export interface LayoutNoticeProps {
  hostLabel: string;
  /** The parts the driver needed and did not find, in the user's words. */
  missing: readonly MissingPart[];
  /** The server knows this thread: its figures are shown below the notice. */
  serverShown: boolean;
  /** Puts the censored layout report on the clipboard; false when the clipboard refused. */
  copyReport(): Promise<boolean>;
}

/**
 * "Followthrough can't read this layout": says which parts are missing and offers the censored
 * structure of the page (tags, roles, attributes; no text) for the user to send us. Nothing is sent by
 * the extension itself.
 */
export function LayoutNotice({ hostLabel, missing, serverShown, copyReport }: LayoutNoticeProps) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="ft-notice" role="status" data-testid="ft-unrecognized">
      <p>
        Followthrough doesn't recognise this {hostLabel} layout yet
        {serverShown ? ': showing what the server knows about this thread.' : '.'}
      </p>
      {missing.length > 0 && (
        <p data-testid="ft-missing-parts">
          Not found on the page: {missing.map((part) => part.finds).join('; ')}.
        </p>
      )}
      <p className="ft-muted">
        The layout report holds the page's structure only (element names, roles and attributes), never the text of your
        mail. It is not sent anywhere: paste it into a message to us if you want to help.
      </p>
      <button
        type="button"
       
        data-testid="ft-copy-layout-report"
        onClick={() => {
          void copyReport().then((ok) => setCopied(ok ? 'copied' : 'failed'));
        }}
      >
        Copy layout report
      </button>
      {copied !== 'idle' && (
        <span className="ft-muted" role="status" data-testid="ft-layout-report-status">
          {copied === 'copied' ? ' Copied.' : ' The browser did not allow copying.'}
        </span>
      )}
    </div>
  );
}
