import { describe, expect, it } from 'vitest';
import { parseAddressHeader } from '../../src/mail/mime/addresses';
import { parseMailDate } from '../../src/mail/mime/date';
import { decodeEncodedWords } from '../../src/mail/mime/encoded-words';
import { parseStructuredHeader } from '../../src/mail/mime/header-params';
import { htmlToText, limitNesting } from '../../src/mail/mime/html-to-text';
import { normalizeMessageId, parseMessageIdList } from '../../src/mail/message-id';

describe('Date headers', () => {
  it('keeps the sender offset and accepts the obsolete forms real servers still send', () => {
    expect(parseMailDate('Tue, 3 Mar 2026 09:15:00 +0100')).toBe('2026-03-03T09:15:00+01:00');
    expect(parseMailDate('Sun, 08 Mar 2026 01:30:00 EST')).toBe('2026-03-08T01:30:00-05:00');
    expect(parseMailDate('Mon, 9 Mar 2026 10:00:00 EDT')).toBe('2026-03-09T10:00:00-04:00');
    expect(parseMailDate('Mon, 16 Mar 2026 09:05:00 GMT')).toBe('2026-03-16T09:05:00+00:00');
    expect(parseMailDate('16 Mar 26 09:05 -0330 (NST)')).toBe('2026-03-16T09:05:00-03:30');
    expect(parseMailDate('Thu,  2 Apr 2026 10:15:00 +0100 (BST)')).toBe('2026-04-02T10:15:00+01:00');
    expect(parseMailDate('2026-04-02T10:15:00Z')).toBe('2026-04-02T10:15:00+00:00');
  });

  it('rejects what is not a date', () => {
    expect(parseMailDate('sometime next week')).toBeNull();
    expect(parseMailDate('Tue, 31 Feb 2026 09:15:00 +0100')).toBeNull();
    expect(parseMailDate('Tue, 3 Mar 2026 25:15:00 +0100')).toBeNull();
    expect(parseMailDate(undefined)).toBeNull();
  });
});

describe('address lists', () => {
  it('splits on commas outside quotes, keeps names, drops groups and address-less entries', () => {
    expect(
      parseAddressHeader(
        '"Nair, Priya" <priya.nair@northwind.example>, Dana Okafor <dana.okafor@northwind.example>, ' +
          'rhaines@aldercrest.example (Robert Haines), Project team: sam@brightlane.example, <lena@kestrelfoods.example>;, undisclosed-recipients:;',
      ),
    ).toEqual([
      '"Nair, Priya" <priya.nair@northwind.example>',
      'Dana Okafor <dana.okafor@northwind.example>',
      'Robert Haines <rhaines@aldercrest.example>',
      'sam@brightlane.example',
      'lena@kestrelfoods.example',
    ]);
  });

  it('decodes encoded-word names after splitting, so a decoded comma cannot split an address', () => {
    expect(parseAddressHeader('=?UTF-8?Q?M=C3=BCller=2C_Jonas?= <j.weber@muellerhaus.example>, maya@brightlane.example')).toEqual([
      '"Müller, Jonas" <j.weber@muellerhaus.example>',
      'maya@brightlane.example',
    ]);
  });
});

describe('encoded-words and parameters', () => {
  it('joins adjacent encoded-words, keeps the space between plain and encoded text', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?Angebot_f=C3?= =?UTF-8?Q?=BCr?= die Website')).toBe('Angebot für die Website');
    expect(decodeEncodedWords('Re: =?iso-8859-1?q?Verschiebung_Launch?=')).toBe('Re: Verschiebung Launch');
    expect(decodeEncodedWords('=?utf-8?B?4pyU?= done')).toBe('✔ done');
  });

  it('reads quoted and RFC 2231 parameters', () => {
    expect(parseStructuredHeader('multipart/Alternative; boundary="b;1 2"')).toEqual({ value: 'multipart/alternative', params: { boundary: 'b;1 2' } });
    expect(parseStructuredHeader("attachment; filename*=UTF-8''Angebot%20M%C3%BCller.pdf").params.filename).toBe('Angebot Müller.pdf');
    expect(parseStructuredHeader('attachment; filename*0="Brightlane-"; filename*1="MSA.pdf"').params.filename).toBe('Brightlane-MSA.pdf');
  });
});

describe('Message-IDs', () => {
  it('are stored without angle brackets, and junk around them is ignored', () => {
    expect(normalizeMessageId(' <CAK7x9=abc@mail.gmail.com> ')).toBe('CAK7x9=abc@mail.gmail.com');
    expect(parseMessageIdList('<a@x.example>\n <b@x.example>')).toEqual(['a@x.example', 'b@x.example']);
    expect(parseMessageIdList('Message from Dana of "Mon, 16 Mar 2026" <a@x.example>')).toEqual(['a@x.example']);
  });
});

describe('HTML to text (the html-to-text package, one converter for every source)', () => {
  it('lists, tables, pre and numeric entities come out readable', () => {
    expect(htmlToText('<ul><li>Plan</li><li>Budget&#x20AC;5&#8202;000</li></ul><table><tr><td>A</td><td>B</td></tr></table><pre>x  y\nz</pre>')).toBe(
      '- Plan\n- Budget€5\u200a000\n\nA B\n\nx  y\nz',
    );
  });

  it('marks quoted history with "> " per level, so it never counts as our own words', () => {
    const html =
      '<div dir="ltr">Sure, I will send it <b>Friday</b>.<div class="gmail_quote">On Mon, Cleo wrote:<blockquote class="gmail_quote">' +
      'I will call you tomorrow.<blockquote>Older words</blockquote></blockquote></div></div>';
    expect(htmlToText(html)).toBe('Sure, I will send it Friday.\nOn Mon, Cleo wrote:\n\n> I will call you tomorrow.\n>\n> > Older words');
  });

  it('decodes every named entity, and a code point past Unicode becomes U+FFFD instead of an exception', () => {
    expect(htmlToText('&hellip; &eacute; &Aring; &check; &NotEqualTilde; &#1114112; &#xD800;')).toBe('… é Å ✓ ≂̸ \uFFFD \uFFFD');
  });

  it('drops scripts, styles and images, and keeps a link\'s text only', () => {
    expect(htmlToText('<style>p{}</style><script>alert(1)</script><p>See <a href="https://x.example/">the plan</a><img src="x.png" alt="logo"></p>')).toBe('See the plan');
  });

  it('flattens nesting past 100 levels, keeping every word', () => {
    expect(limitNesting('<div><div><div>x</div></div></div>', 2)).toBe('<div><div>x</div></div>');
    expect(limitNesting('<div a=">"><p>one<p>two</div>', 1)).toBe('<div a=">"><p>one<p>two</div>');
    expect(htmlToText(`${'<div>'.repeat(5000)}deep words${'</div>'.repeat(5000)}`)).toBe('deep words');
  });
});
