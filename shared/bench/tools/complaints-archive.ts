// Node-only: reads the complaints-on-Twitter set (README "Round 3"): customers' tweets addressed to a company's
// support account, from danielpreotiuc/complaints-social-media (complaints-data.csv, no licence stated, so the
// corpus keeps references only and the bench resolves them when the file is present).
import { readFileSync } from 'node:fs';
import { findSharedData } from './archive';

export interface CompanyTweet {
  id: string;
  text: string;
  /** The authors' domain: apparel, electronics, ... or random_tweet / random_reply (not addressed to a company). */
  domain: string;
}

/** FOLLOWTHROUGH_COMPLAINTS_CSV, or shared/data/complaints-social-media/complaints-data.csv in a folder above. */
export function findComplaints(): string | undefined {
  return findSharedData('FOLLOWTHROUGH_COMPLAINTS_CSV', 'complaints-social-media/complaints-data.csv');
}

/** The file is RFC 4180 CSV without a header: id, text, complaint (0/1, the authors' label, unused here), domain. */
export function readComplaints(file: string): CompanyTweet[] {
  const csv = readFileSync(file, 'utf8');
  const out: CompanyTweet[] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length >= 4) out.push({ id: row[0]!, text: row[1]!, domain: row[3]! });
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    if (row.length >= 4) out.push({ id: row[0]!, text: row[1]!, domain: row[3]! });
  }
  return out;
}
