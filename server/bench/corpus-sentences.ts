// Real sentences for the mailbox benchmark's second mailbox (generate-mailbox.ts, SentencePools): the
// committed real-mail sets of shared/corpus (the Parakweet files are Enron mail, Apache-2.0; see
// shared/corpus/README.md) and the authored promise corpus, by what each sentence was labelled: ours with a
// promise or without, theirs with a request, a client risk, or neither. Speed only: no rule is tuned here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SentencePools } from './generate-mailbox';

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(join(corpusDir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function corpusSentencePools(): SentencePools {
  const outbound = [...lines('real/outbound-parakweet.jsonl'), ...lines('real/outbound-parakweet-2.jsonl'), ...lines('promises.jsonl')];
  const inbound = [...lines('real/inbound-parakweet.jsonl'), ...lines('real/inbound-parakweet-2.jsonl')];
  const text = (items: Record<string, unknown>[]) => items.map((item) => String(item.text));
  return {
    ours: text(outbound.filter((item) => item.promise !== true)),
    ourPromises: text(outbound.filter((item) => item.promise === true)),
    theirs: text(inbound.filter((item) => item.request !== true && !item.risk)),
    theirRequests: text(inbound.filter((item) => item.request === true)),
    theirRisks: text(inbound.filter((item) => Boolean(item.risk))),
  };
}
