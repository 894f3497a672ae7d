/**
 * The one Date parser for every source (mbox, .eml, Gmail, Graph's Date header). RFC 5322 Date headers to ISO 8601 keeping the sender's own offset ("Tue, 3 Mar 2026 09:15:00 +0100" →
 * "2026-03-03T09:15:00+01:00"), so the sender's local time stays visible. Obsolete forms (section 4.3) are
 * accepted: named zones (EST, PDT, GMT, UT), two-digit years, missing seconds, comments, missing weekday.
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480,
};

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0; // no zone at all: UTC is the least surprising guess
  const numeric = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[3]) > 59) return null;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  // Military single letters are unreliable in practice; RFC 5322 4.3 says treat them as -0000 (unknown).
  if (/^[a-ik-z]$/i.test(zone)) return 0;
  return null;
}

/** Returns null when the value is not a date we can trust. */
export function parseMailDate(raw: string | undefined): string | null {
  // A real Date header is under a hundred characters; a longer one is not read at all (bounded work).
  if (!raw || raw.length > 512) return null;
  const value = raw.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const match =
    /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/.exec(
      value,
    );
  if (!match) return parseIsoFallback(value);
  const day = Number(match[1]);
  const month = MONTHS[(match[2] ?? '').toLowerCase()];
  let year = Number(match[3]);
  if ((match[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  else if ((match[3] ?? '').length === 3) year += 1900;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6] ?? 0);
  const offset = zoneOffset(match[7]);
  if (month === undefined || offset === null || hour > 23 || minute > 59 || second > 60) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${formatOffset(offset)}`;
}

/** Some tools write ISO dates into Date headers; accept those when they carry an offset. */
function parseIsoFallback(value: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (!iso || Number.isNaN(Date.parse(`${iso[1]}T${iso[2]}${iso[3]}`))) return null;
  const time = (iso[2] ?? '').length === 5 ? `${iso[2]}:00` : iso[2];
  const zone = iso[3] === 'Z' ? '+00:00' : (iso[3] ?? '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return `${iso[1]}T${time}${zone}`;
}
