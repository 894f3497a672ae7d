import { describe, expect, it } from 'vitest';
import { createCounterpartResolver, isFreeMailDomain, organisationDomain } from './counterparts';

describe('organisationDomain', () => {
  it('folds sub-domains onto the organisation', () => {
    expect(organisationDomain('mail.acme.com')).toBe('acme.com');
    expect(organisationDomain('eu.mail.acme.com')).toBe('acme.com');
    expect(organisationDomain('acme.com')).toBe('acme.com');
  });

  it('keeps country second-level suffixes whole', () => {
    expect(organisationDomain('mail.acme.co.uk')).toBe('acme.co.uk');
    expect(organisationDomain('acme.co.uk')).toBe('acme.co.uk');
    expect(organisationDomain('sydney.contoso.com.au')).toBe('contoso.com.au');
    expect(organisationDomain('tokyo.example.co.jp')).toBe('example.co.jp');
  });
});

describe('isFreeMailDomain', () => {
  it('knows the big providers and their country domains', () => {
    for (const d of ['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.de', 'hotmail.co.uk', 'yahoo.fr', 'gmx.net', 'gmx.de', 'web.de', 'proton.me', 'icloud.com', 'yandex.ru', 'hey.com']) {
      expect(isFreeMailDomain(d), d).toBe(true);
    }
    for (const d of ['acme.com', 'outlookconsulting.com', 'live.acme.com']) expect(isFreeMailDomain(d), d).toBe(false);
  });
});

describe('createCounterpartResolver', () => {
  const resolver = createCounterpartResolver({ me: ['Anna Berg <anna@northwind.io>'], internalDomains: ['northwind-labs.com'] });

  it('keys companies by organisation domain and free-mail people by address', () => {
    expect(resolver.keyOf('tom@acme.com')).toBe('acme.com');
    expect(resolver.keyOf('Lisa.Park@mail.ACME.com')).toBe('acme.com');
    expect(resolver.keyOf('jo.freelance@gmail.com')).toBe('jo.freelance@gmail.com');
    expect(resolver.keyOf('sam@hotmail.de')).toBe('sam@hotmail.de');
    expect(resolver.keyOf('buyer@globex.co.uk')).toBe('globex.co.uk');
  });

  it('treats our own domains, sub-domains and extra internal domains as ours', () => {
    expect(resolver.keyOf('anna@northwind.io')).toBeNull();
    expect(resolver.keyOf('anna+crm@northwind.io')).toBeNull();
    expect(resolver.isOurs('ben@northwind.io')).toBe(true);
    expect(resolver.isOurs('ops@eu.northwind.io')).toBe(true);
    expect(resolver.isOurs('lab@northwind-labs.com')).toBe(true);
    expect(resolver.isOurs('tom@acme.com')).toBe(false);
  });

  it('owns only the exact addresses when the user is on free-mail', () => {
    const freelancer = createCounterpartResolver({ me: ['maria.designs@gmail.com'], internalDomains: [] });
    expect(freelancer.isOurs('maria.designs@gmail.com')).toBe(true);
    expect(freelancer.isOurs('Maria.Designs+invoices@gmail.com')).toBe(true);
    expect(freelancer.keyOf('client.owner@gmail.com')).toBe('client.owner@gmail.com');
  });

  it('says which setting is wrong', () => {
    expect(() => createCounterpartResolver({ me: ['anna'], internalDomains: [] })).toThrow(/settings\.me: "anna"/);
    expect(() => createCounterpartResolver({ me: ['anna@northwind.io'], internalDomains: ['gmail.com'] })).toThrow(/"gmail\.com" is a free-mail domain/);
  });
});
