import { describe, expect, it } from 'vitest';
import { domainOf, parseAddress, parseAddressList } from './addresses';

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
