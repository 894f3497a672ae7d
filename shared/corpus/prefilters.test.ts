// The cheap first tests that spare most sentences the full rules must never be stricter than the rules: over
// every sentence of the corpora, a sentence a rule fires on has to pass its family's prefilter. A prefilter
// that dropped a cue the rules need fails here (and the non-empty checks keep the test from passing vacuously).
import { describe, expect, it } from 'vitest';
import { classifyByRules, mayClassifyDelivery } from '../src/analysis/deliveries';
import { asksUs, mayAsk } from '../src/analysis/requests';
import { splitSentences } from '../src/analysis/text/sentences';
import corpusText from './promises.jsonl?raw';
import realInboundText from './real/inbound-parakweet.jsonl?raw';
import realInbound2Text from './real/inbound-parakweet-2.jsonl?raw';
import realOutboundText from './real/outbound-parakweet.jsonl?raw';
import realOutbound2Text from './real/outbound-parakweet-2.jsonl?raw';

/** Every text of the corpora that carry their text (the R-list and complaint files hold references only), and its sentences. */
function corpusSentences(): string[] {
  const out = new Set<string>();
  for (const file of [corpusText, realInboundText, realInbound2Text, realOutboundText, realOutbound2Text]) {
    for (const line of file.split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text?: unknown };
      if (typeof text !== 'string') continue;
      out.add(text);
      for (const sentence of splitSentences(text)) out.add(sentence);
    }
  }
  return [...out];
}

const sentences = corpusSentences();

describe('prefilters over the corpora', () => {
  it('has sentences to check', () => {
    expect(sentences.length).toBeGreaterThan(1000);
  });

  it('mayAsk passes every sentence a request rule fires on', () => {
    const fired = sentences.filter((s) => asksUs(s));
    expect(fired.length).toBeGreaterThan(100);
    expect(fired.filter((s) => !mayAsk(s))).toEqual([]);
    // And it does spare sentences: a prefilter that passes everything would be no prefilter.
    expect(sentences.filter((s) => !mayAsk(s)).length).toBeGreaterThan(100);
  });

  it('mayClassifyDelivery passes every sentence a delivery rule classifies', () => {
    const fired = sentences.filter((s) => classifyByRules(s) !== null);
    // Deliveries are rarer than requests in these corpora (42 sentences when this was written).
    expect(fired.length).toBeGreaterThan(30);
    expect(fired.filter((s) => !mayClassifyDelivery(s))).toEqual([]);
    expect(sentences.filter((s) => !mayClassifyDelivery(s)).length).toBeGreaterThan(1000);
  });
});
