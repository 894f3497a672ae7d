import { randomBytes } from 'node:crypto';

/**
 * Gmail's batch endpoint (https://developers.google.com/workspace/gmail/api/guides/batch): up to 100
 * calls in one multipart/mixed POST to /batch/gmail/v1, answered part by part. Batching does not save
 * quota (each inner call counts), but it saves an HTTP round trip and its CPU per message, which is what
 * limits a sync once the quota pacing is right.
 */
export interface BatchPart {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function buildBatchBody(paths: string[]): { boundary: string; body: string } {
  const boundary = `ft_batch_${randomBytes(9).toString('base64url')}`;
  const parts = paths.map(
    (path, i) => `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <item-${i}>\r\n\r\nGET ${path}\r\n\r\n`,
  );
  return { boundary, body: `${parts.join('')}--${boundary}--\r\n` };
}

function splitHead(text: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, ''];
}

/** Parses a multipart/mixed batch answer into parts indexed by their request position (Content-ID). */
export function parseBatchResponse(contentType: string, text: string, expected: number): (BatchPart | undefined)[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new Error(`Gmail batch answer has no multipart boundary (content-type "${contentType}")`);
  const out: (BatchPart | undefined)[] = new Array(expected);
  for (const raw of text.split(`--${boundary}`).slice(1)) {
    if (raw.startsWith('--')) break;
    const [partHead, http] = splitHead(raw.replace(/^\r?\n/, ''));
    const index = Number(/content-id:\s*<?response-item-(\d+)>?/i.exec(partHead)?.[1]);
    const [responseHead, bodyText] = splitHead(http);
    const [statusLine = '', ...headerLines] = responseHead.split(/\r?\n/);
    const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(statusLine)?.[1]);
    if (!Number.isInteger(index) || index < 0 || index >= expected || !Number.isInteger(status)) continue;
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body: unknown;
    try {
      body = JSON.parse(bodyText.trim());
    } catch {
      body = undefined;
    }
    out[index] = { status, headers, body };
  }
  return out;
}
