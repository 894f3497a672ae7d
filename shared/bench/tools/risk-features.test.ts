import { describe, expect, it } from 'vitest';
import { lightStem, riskFormFeatures, riskText, riskWords } from './risk-features';

describe('risk classifier features (README "Classifier (client risks)")', () => {
  it('reads no @handle or link, so a company the draw complained to teaches nothing', () => {
    expect(riskText('@AcmeAir my bag is still missing https://t.co/abc')).toBe('  my bag is still missing  ');
    expect(riskWords('@AcmeAir still missing', { stem: false, negation: false }).unigrams).toEqual(['u:still', 'u:missing']);
  });

  it('stems plurals, -ing, -ed and -ly lightly, and leaves words of four letters and -ss, -us, -is words alone', () => {
    expect(['crashes', 'crashing', 'crashed'].map(lightStem)).toEqual(['crash', 'crash', 'crash']);
    expect(['replies', 'stopped', 'really', 'boxes', "company's"].map(lightStem)).toEqual(['reply', 'stop', 'real', 'box', 'company']);
    expect(['days', 'business', 'status', 'analysis'].map(lightStem)).toEqual(['days', 'business', 'status', 'analysis']);
  });

  it('marks up to three words after a negator within the clause, and starts bigrams again after punctuation', () => {
    const { unigrams, bigrams } = riskWords("We're not happy with it at all, thanks.", { stem: false, negation: true });
    expect(unigrams).toEqual(["u:we're", 'u:not', 'u:not_happy', 'u:not_with', 'u:not_it', 'u:at', 'u:all', 'u:thanks']);
    expect(bigrams).toContain('b:<s>_we\'re');
    expect(bigrams).toContain('b:<p>_thanks');
    expect(bigrams).not.toContain('b:all_thanks');
    expect(riskWords('Not happy', { stem: false, negation: false }).unigrams).toEqual(['u:not', 'u:happy']);
    expect(riskWords('Delivered 3 weeks late', { stem: true, negation: false }).unigrams).toEqual(['u:deliver', 'u:0', 'u:week', 'u:late']);
  });

  it('names the form of a sentence: exclamations, a closing question, capitals, a negator, who is named, its length', () => {
    expect(riskFormFeatures('WHY is my order still not here?!')).toEqual(['f:exclaim', 'f:exclaim-many', 'f:question', 'f:caps-word', 'f:negation', 'f:i', 'f:len:1']);
    expect(riskFormFeatures('Thanks, you were great.')).toEqual(['f:you', 'f:len:0']);
  });
});
