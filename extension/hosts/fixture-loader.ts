import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Test helper: a saved fixture page as a Document plus the URL it stands for. */
export interface LoadedFixture {
  name: string;
  doc: Document;
  url: URL;
}

export function fixtureNames(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.html')).sort();
}

export function loadFixture(dir: string, name: string): LoadedFixture {
  const html = readFileSync(join(dir, name), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url = doc.querySelector('meta[name="fixture-url"]')?.getAttribute('content');
  if (!url) throw new Error(`${name}: missing <meta name="fixture-url">`);
  return { name, doc, url: new URL(url) };
}
