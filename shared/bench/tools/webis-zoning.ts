/**
 * Quote zoning on the Webis annotations (the material issue 11 names): Bevendorff, Al-Khatib, Potthast and Stein,
 * "Crawling and Preprocessing Mailing Lists At Scale for Dialog Analysis" (ACL 2020), whose repository
 * [webis-de/acl20-crawling-mailing-lists](https://github.com/webis-de/acl20-crawling-mailing-lists) (commit ecc2c70)
 * publishes, in `annotations/`, mail segmented by hand into typed character ranges: Gmane list mail in many languages
 * (`annotations-final-validation.jsonl`, 300 messages; the repository's training file is not stored with it) and Enron
 * mail (`enron-annotated-finetuning-train.jsonl`, 60, and `-validation.jsonl`, 236). The repository states no licence,
 * so nothing of it is committed here: the bench reads the four files when FOLLOWTHROUGH_WEBIS_ZONING_DIR names a folder
 * holding them (`git show ecc2c70:annotations/<file>` in a clone).
 *
 * Their segments are read as the Quagga zones (quagga-zoning.ts), so the same judge scores both: "inline_headers" (a
 * quoted or forwarded message's header block) and "quotation_marker" ("On Monday, Jane wrote:") are headers;
 * "salutation", "closing", the two signatures and "visual_separator" are the body's intro, outro and signature, not the
 * writer's text; every other segment (paragraphs, quotations, code, patches, tables, logs) is body.
 *
 * Splits: the Enron files as the authors split them, train and held out; the Gmane messages by newsgroup (the groups in
 * name order, every other one to train), so no list's writers are on both sides.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zonedByRanges, type ZonedMessage } from './quagga-zoning';

export type WebisZoningSet = 'webis enron train' | 'webis enron held out' | 'gmane train' | 'gmane held out';
export const HELD_OUT_WEBIS_SETS: readonly WebisZoningSet[] = ['webis enron held out', 'gmane held out'];

const FILES = {
  gmane: 'annotations-final-validation.jsonl',
  enronTrain: 'enron-annotated-finetuning-train.jsonl',
  enronHeldOut: 'enron-annotated-finetuning-validation.jsonl',
} as const;

export const findWebisZoning = (): string | undefined => {
  const dir = process.env.FOLLOWTHROUGH_WEBIS_ZONING_DIR;
  return dir && Object.values(FILES).every((file) => existsSync(join(dir, file))) ? dir : undefined;
};

const ZONE_OF_SEGMENT: Readonly<Record<string, string>> = {
  inline_headers: 'Header',
  quotation_marker: 'Header',
  salutation: 'Body/Intro',
  closing: 'Body/Outro',
  personal_signature: 'Body/Signature',
  mua_signature: 'Body/Signature',
  visual_separator: 'Body/Separator',
};

interface WebisMessage {
  id: number;
  text: string;
  labels: [number, number, string][];
  meta: { groupname?: string; newsgroup?: string };
}

/** One annotated message, its segments read as zones. */
export function readWebisMessage(line: string): { message: ZonedMessage; group: string } {
  const parsed = JSON.parse(line) as WebisMessage;
  const denotations = parsed.labels.map(([start, end, segment]) => ({ start, end, type: ZONE_OF_SEGMENT[segment] ?? 'Body' }));
  return {
    message: zonedByRanges(String(parsed.id), parsed.text, denotations),
    group: parsed.meta.groupname ?? parsed.meta.newsgroup ?? '',
  };
}

const readFile = (dir: string, file: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(readWebisMessage);

export function readWebisZoning(dir: string): Record<WebisZoningSet, ZonedMessage[]> {
  const gmane = readFile(dir, FILES.gmane);
  const groups = [...new Set(gmane.map((m) => m.group))].sort();
  const trainGroups = new Set(groups.filter((_, i) => i % 2 === 0));
  return {
    'webis enron train': readFile(dir, FILES.enronTrain).map((m) => m.message),
    'webis enron held out': readFile(dir, FILES.enronHeldOut).map((m) => m.message),
    'gmane train': gmane.filter((m) => trainGroups.has(m.group)).map((m) => m.message),
    'gmane held out': gmane.filter((m) => !trainGroups.has(m.group)).map((m) => m.message),
  };
}
