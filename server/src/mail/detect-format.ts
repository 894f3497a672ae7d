/** The file formats a mailbox can come in; a folder of .eml files is handled by the caller. */
export type MailFormat = 'jsonl' | 'mbox' | 'eml';

/**
 * Decides by content, not by file name: Takeout names mbox files "All mail Including Spam and Trash.mbox",
 * but people rename things, and stdin has no name at all.
 */
export function sniffFormat(head: Buffer): MailFormat | null {
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  const text = head.subarray(start, start + 4096).toString('latin1');
  if (text.startsWith('From ')) return 'mbox';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return 'jsonl';
  // A header block: "Name: value" on the first line (Return-Path, Received, Message-ID, From, ...).
  if (/^[!-9;-~]+:[ \t]?\S?/.test(text) && /^(?:[!-9;-~]+:.*|[ \t].*)(?:\r?\n(?:[!-9;-~]+:.*|[ \t].*))*/.test(text)) return 'eml';
  return null;
}
