import type { AnalysisSettings } from '../model/settings';
import { domainOf, parseAddress } from './addresses';

/**
 * Free-mail providers: there the domain says nothing about the organisation, so the counterpart is the
 * individual address. Families with many country domains (hotmail.de, yahoo.co.uk, gmx.net) are matched
 * by their first label below.
 */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'passport.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aim.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'web.de',
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'zoho.com',
  'zohomail.com',
  'fastmail.com',
  'fastmail.fm',
  'hey.com',
  'mail.com',
  'email.com',
  'tutanota.com',
  'tuta.io',
  't-online.de',
  'freenet.de',
  'posteo.de',
  'mailbox.org',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'virgilio.it',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'daum.net',
  'rediffmail.com',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'btinternet.com',
  'sky.com',
]);
/** hotmail.*, yahoo.*, gmx.*, yandex.*, ymail.*, outlook.* (outlook.de, outlook.fr), live.* (live.co.uk). */
const FREE_MAIL_FAMILIES = new Set(['hotmail', 'yahoo', 'ymail', 'rocketmail', 'gmx', 'yandex', 'outlook', 'live']);

/**
 * Second-level suffixes under which organisations register (acme.co.uk is the organisation, not co.uk).
 * A small list on purpose: the full Public Suffix List is 200 KB and this covers the business mail we see;
 * an unknown suffix only means a sub-domain might not be folded.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk', 'nhs.uk', 'sch.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'asn.au', 'id.au',
  'co.nz', 'org.nz', 'net.nz', 'govt.nz', 'ac.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.za', 'org.za', 'ac.za', 'gov.za',
  'com.br', 'net.br', 'org.br', 'gov.br',
  'com.mx', 'org.mx', 'gob.mx',
  'com.ar', 'com.cn', 'net.cn', 'org.cn', 'com.hk', 'org.hk', 'com.sg', 'edu.sg', 'gov.sg',
  'com.tr', 'com.tw', 'com.my', 'com.ph', 'com.pk', 'com.eg', 'com.sa', 'com.ua', 'com.co', 'com.pe',
  'co.in', 'net.in', 'org.in', 'ac.in', 'gov.in', 'co.il', 'org.il', 'ac.il', 'co.kr', 'or.kr', 'ac.kr',
  'co.id', 'or.id', 'ac.id', 'co.th', 'ac.th', 'in.th', 'co.at', 'or.at', 'gv.at', 'ac.at',
  'com.pl', 'com.es', 'com.pt', 'com.gr', 'com.ru', 'com.vn', 'com.ng', 'co.ke',
]);

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  if (FREE_MAIL_DOMAINS.has(d)) return true;
  const labels = d.split('.');
  // hotmail.co.uk, yahoo.de, gmx.net: the provider's name is the label just before the public suffix.
  const org = organisationDomain(d).split('.');
  return labels.length >= 2 && FREE_MAIL_FAMILIES.has(org[0] ?? '');
}

/** Folds sub-domains onto the registrable domain: mail.acme.com -> acme.com, eu.mail.acme.co.uk -> acme.co.uk. */
export function organisationDomain(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(MULTI_LABEL_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

/** Gmail/Fastmail/Outlook sub-addressing: ann+crm@acme.com is ann@acme.com. */
function withoutTag(address: string): string {
  return address.replace(/^([^+@]+)\+[^@]*@/, '$1@');
}

export interface CounterpartResolver {
  /** The counterpart key of an address: its organisation domain, or the address on free-mail; null = ours. */
  keyOf(address: string): string | null;
  isOurs(address: string): boolean;
}

/**
 * Who is "us" and who is which client. Our own addresses are always ours; their domains are internal
 * (colleagues) unless the domain is free-mail: a freelancer on gmail.com does not own every gmail user.
 */
export function createCounterpartResolver(settings: Pick<AnalysisSettings, 'me' | 'internalDomains'>): CounterpartResolver {
  const ourAddresses = new Set<string>();
  const ourDomains = new Set<string>();
  for (const raw of settings.me) {
    const parsed = parseAddress(raw);
    if (!parsed) throw new Error(`settings.me: "${raw}" is not an e-mail address`);
    ourAddresses.add(withoutTag(parsed.address));
    const domain = domainOf(parsed.address);
    if (!isFreeMailDomain(domain)) ourDomains.add(organisationDomain(domain));
  }
  for (const domain of settings.internalDomains) {
    const d = domain.trim().toLowerCase().replace(/^@/, '');
    if (d === '') continue;
    // Marking gmail.com internal would hide every free-mail client: say so instead of doing it.
    if (isFreeMailDomain(d)) {
      throw new Error(`settings.internalDomains: "${domain}" is a free-mail domain; list your own addresses in "me" instead`);
    }
    ourDomains.add(organisationDomain(d));
  }
  const cache = new Map<string, string | null>();

  function keyOf(address: string): string | null {
    // Addresses are asked about as written far more often than they are new: look the written form up
    // first, before trimming and lower-casing it (both forms are kept).
    const known = cache.get(address);
    if (known !== undefined) return known;
    const lower = address.trim().toLowerCase();
    const cached = cache.get(lower);
    if (cached !== undefined || cache.has(lower)) {
      cache.set(address, cached ?? null);
      return cached ?? null;
    }
    let key: string | null;
    const plain = withoutTag(lower);
    const domain = domainOf(plain);
    if (ourAddresses.has(plain)) key = null;
    else if (isFreeMailDomain(domain)) key = plain;
    else {
      const org = organisationDomain(domain);
      key = ourDomains.has(org) ? null : org;
    }
    // Bounded: a mailbox has far fewer distinct addresses than messages.
    cache.set(lower, key);
    cache.set(address, key);
    return key;
  }

  return { keyOf, isOurs: (address) => keyOf(address) === null };
}

const resolvers = new WeakMap<object, CounterpartResolver>();

/** The resolver for a settings object, built once per object (rules receive the same parsed settings). */
export function resolverFor(settings: Pick<AnalysisSettings, 'me' | 'internalDomains'>): CounterpartResolver {
  let resolver = resolvers.get(settings);
  if (!resolver) {
    resolver = createCounterpartResolver(settings);
    resolvers.set(settings, resolver);
  }
  return resolver;
}
