import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../model/limits';
import { MessageRejectedError } from '../model/message-rejection';
import { domainOf, parseAddress, parseAddressList, senderAddress } from './addresses';

describe('parseAddress', () => {
  it('reads the forms mail clients write', () => {
    expect(parseAddress('Tom Reed <Tom.Reed@Acme.com>')).toEqual({ name: 'Tom Reed', address: 'tom.reed@acme.com' });
    expect(parseAddress('"Reed, Tom" <tom@acme.com>')).toEqual({ name: 'Reed, Tom', address: 'tom@acme.com' });
    expect(parseAddress('<billing@acme.co.uk>')).toEqual({ address: 'billing@acme.co.uk' });
    expect(parseAddress('anna@northwind.io')).toEqual({ address: 'anna@northwind.io' });
    expect(parseAddress('anna@northwind.io (Anna Berg)')).toEqual({ name: 'Anna Berg', address: 'anna@northwind.io' });
    expect(parseAddress('mailto:jo@gmail.com')).toEqual({ address: 'jo@gmail.com' });
  });

  it('rejects what is not an address', () => {
    expect(parseAddress('')).toBeNull();
    expect(parseAddress('Undisclosed recipients:;')).toBeNull();
    expect(parseAddress('Tom Reed')).toBeNull();
    expect(parseAddress('tom@localhost')).toBeNull();
    expect(parseAddress('<not an address>')).toBeNull();
  });
});

describe('parseAddressList', () => {
  it('splits Gmail commas and Outlook semicolons but not commas inside quoted names', () => {
    const list = parseAddressList('"Reed, Tom" <tom@acme.com>, Lisa Park <lisa@acme.com>; ops@acme.com');
    expect(list.map((a) => a.address)).toEqual(['tom@acme.com', 'lisa@acme.com', 'ops@acme.com']);
    expect(list[0]?.name).toBe('Reed, Tom');
  });

  it('accepts arrays of entries, drops junk and duplicates', () => {
    const list = parseAddressList(['Tom <tom@acme.com>', 'TOM@acme.com', 'undisclosed-recipients:;', 'a@b.io, c@d.io']);
    expect(list.map((a) => a.address)).toEqual(['tom@acme.com', 'a@b.io', 'c@d.io']);
  });

  it('gives the domain of an address', () => {
    expect(domainOf('ann@mail.acme.com')).toBe('mail.acme.com');
  });
});

describe('parseAddress memo', () => {
  it('returns equal results for repeated input, frozen because they are shared', () => {
    const a = parseAddress('Tom Reed <tom@acme.com>');
    const b = parseAddress('Tom Reed <tom@acme.com>');
    expect(b).toEqual(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('addresses from strangers', () => {
  it('accepts internationalized addresses (RFC 6531), in Unicode NFC and lower case', () => {
    expect(parseAddress('üser@bücher.example')).toEqual({ address: 'üser@bücher.example' });
    expect(parseAddress('Üser Bücher <ÜSER@BÜCHER.example>')).toEqual({ name: 'Üser Bücher', address: 'üser@bücher.example' });
    // "u" + combining diaeresis is the same address as the precomposed "ü".
    expect(parseAddress('u\u0308ser@bu\u0308cher.example')).toEqual({ address: 'üser@bücher.example' });
    expect(parseAddress('佐藤 <sato@例え.jp>')).toEqual({ name: '佐藤', address: 'sato@例え.jp' });
    expect(parseAddress('info@xn--bcher-kva.example')).toEqual({ address: 'info@xn--bcher-kva.example' });
  });

  it('has no address in a mailer name, a bare name, local mail or the connectors\' fallback', () => {
    for (const from of ['MAILER-DAEMON', 'John Doe', 'root@localhost', '(unknown sender)', 'MAILER-DAEMON <>', '"a@b" <>', 'x@-bad-.example']) {
      expect(parseAddress(from)).toBeNull();
    }
  });

  it('rejects the message of such a sender with a reason that names the field, never its content', () => {
    const cases: [string, RegExp][] = [
      ['MAILER-DAEMON', /no e-mail address/],
      ['John Doe', /no e-mail address/],
      ['root@localhost', /single-label domain/],
      ['(unknown sender)', /no e-mail address/],
      ['', /empty/],
      [`${'x'.repeat(3000)}@a.example`, /longer than/],
    ];
    for (const [from, reason] of cases) {
      let error: unknown;
      try {
        senderAddress({ id: 'm1@x.example', from });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(MessageRejectedError);
      expect((error as MessageRejectedError).code).toBe('sender_unusable');
      expect((error as MessageRejectedError).reason).toMatch(reason);
      if (from.length > 0) expect((error as MessageRejectedError).reason).not.toContain(from.slice(0, 8));
    }
    expect(senderAddress({ from: 'Üser <üser@bücher.example>' }).address).toBe('üser@bücher.example');
  });

  it('reads at most LIMITS.recipients recipients from one list', () => {
    const many = Array.from({ length: LIMITS.recipients + 50 }, (_, i) => `p${i}@acme.example`).join(', ');
    expect(parseAddressList(many)).toHaveLength(LIMITS.recipients);
  });

  it('never throws and returns only addresses the engine can key, whatever the input (fuzzed)', () => {
    const pieces = fc.constantFrom('<', '>', '"', '(', ')', ',', ';', '@', '.', ' ', 'a', 'ü', 'x.example', 'mailto:', '\\', '-', '\u0000', '例');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(pieces, { maxLength: 80 }).map((p) => p.join(''))), (raw) => {
        const parsed = parseAddress(raw);
        if (parsed) {
          expect(parsed.address).toBe(parsed.address.toLowerCase());
          expect(parsed.address.length).toBeLessThanOrEqual(LIMITS.address);
          expect(domainOf(parsed.address)).toMatch(/\./);
        }
        for (const a of parseAddressList(raw)) expect(a.address).toContain('@');
      }),
      { numRuns: 500, seed: 10 },
    );
  });
});
