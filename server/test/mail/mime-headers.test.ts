import { describe, expect, it } from 'vitest';
import { createMimeParser, isNormalizedHeader } from '../../src/mail/index';

function parse(raw: string) {
  const parser = createMimeParser({ keepHeader: isNormalizedHeader });
  for (const line of raw.split('\n')) parser.pushLine(Buffer.from(line, 'utf8'));
  return parser.finish();
}

describe('header filtering', () => {
  it('keeps what the normalizer reads, unfolds it, and never decodes transport headers', () => {
    const mail = parse(
      [
        'Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])',
        '        by mx.google.com with SMTPS id 5b1f17b1804b1-48d0c;',
        '        Mon, 16 Mar 2026 02:05:11 -0700 (PDT)',
        'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=northwind.example;',
        '\th=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
        'From: Dana Okafor',
        ' <dana.okafor@northwind.example>',
        'Subject: April',
        '\trelease',
        'X-Gmail-Labels: Inbox,Important',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'We need a clear plan this week.',
      ].join('\n'),
    );
    expect([...mail.headers.keys()].sort()).toEqual(['content-type', 'from', 'subject', 'x-gmail-labels']);
    expect(mail.headers.get('from')).toEqual(['Dana Okafor <dana.okafor@northwind.example>']);
    expect(mail.headers.get('subject')).toEqual(['April\trelease']);
    expect(mail.text).toBe('We need a clear plan this week.');
  });
});
