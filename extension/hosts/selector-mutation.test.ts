import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureNames } from './fixture-loader';
import type { MailHost, ThreadReadResult } from './mail-host';
import type { SelectorTable } from './selector-kit';
import { createGmailHost } from './gmail/gmail-host';
import { gmailSelectors } from './gmail/selectors';
import { createOutlookHost } from './outlook/outlook-host';
import { outlookSelectors } from './outlook/selectors';

/**
 * The page changes one hook at a time (a class renamed, an id or data-* attribute renamed, a role or
 * label dropped), as a mail client's release does; another strategy must still read the same thread:
 * the same subject, and every message with the same sender, time and collapsed state.
 */

/** A hook a selector depends on, which a release of the mail client could rename. */
type Hook = { kind: 'class'; name: string } | { kind: 'attribute'; name: string } | { kind: 'id' };

/** Attributes that carry the data itself (the address, the date, the ids): renaming them is not a layout change. */
const PAYLOAD = new Set(['title', 'email', 'name', 'datetime', 'alt', 'data-convid', 'data-legacy-thread-id', 'data-legacy-message-id', 'data-message-id', 'data-thread-perm-id', 'download_url', 'aria-activedescendant', 'href']);

function hooksOf(css: string): Hook[] {
  const hooks: Hook[] = [];
  for (const match of css.matchAll(/\.([A-Za-z_][\w-]*)/g)) hooks.push({ kind: 'class', name: match[1]! });
  for (const match of css.matchAll(/\[([\w-]+)(?:[~^$*|]?=[^\]]*)?\]/g)) {
    const name = match[1]!;
    if (name === 'id') hooks.push({ kind: 'id' });
    else if (!PAYLOAD.has(name)) hooks.push({ kind: 'attribute', name });
  }
  if (/#[\w-]/.test(css)) hooks.push({ kind: 'id' });
  const seen = new Set<string>();
  return hooks.filter((hook) => {
    const key = hook.kind === 'id' ? 'id' : `${hook.kind}:${hook.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeHook(hook: Hook): string {
  return hook.kind === 'id' ? 'ids' : `${hook.kind} ${hook.name}`;
}

/** Splits a selector at `separators` outside brackets and quotes (labels hold spaces and commas). */
function splitTopLevel(css: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quote: string | null = null;
  for (const char of css) {
    if (quote) {
      if (char === quote) quote = null;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === '[' || char === '(') {
      depth += 1;
      current += char;
    } else if (char === ']' || char === ')') {
      depth -= 1;
      current += char;
    } else if (depth === 0 && separators.test(char)) {
      if (current.trim()) parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function hasHook(compound: string, hook: Hook): boolean {
  return hooksOf(compound).some((h) => describeHook(h) === describeHook(hook));
}

/**
 * Renames the hook where the selector uses it: on the elements matching the compound that names the
 * hook, among the matches of the whole selector and their ancestors ("[role=list] [data-x]" renames
 * the role of that list only, not of every ancestor).
 */
function rename(doc: Document, css: string, hook: Hook): number {
  let changed = 0;
  for (const alternative of splitTopLevel(css, /,/)) {
    const matches = Array.from(doc.querySelectorAll(alternative));
    if (matches.length === 0) continue;
    const compounds = splitTopLevel(alternative, /[\s>+~]/);
    for (const compound of compounds.filter((c) => hasHook(c, hook))) {
      const targets = new Set<Element>();
      for (const match of matches) {
        for (let node: Element | null = match; node; node = node.parentElement) if (node.matches(compound)) targets.add(node);
      }
      for (const element of targets) {
        if (hook.kind === 'class' && element.classList.contains(hook.name)) {
          element.classList.replace(hook.name, `${hook.name}-renamed`);
          changed += 1;
        } else if (hook.kind === 'attribute' && element.hasAttribute(hook.name)) {
          element.setAttribute(`data-renamed-${hook.name}`, element.getAttribute(hook.name)!);
          element.removeAttribute(hook.name);
          changed += 1;
        } else if (hook.kind === 'id' && element.id) {
          element.id = `renamed-${changed}`;
          changed += 1;
        }
      }
    }
  }
  return changed;
}

function essence(read: ThreadReadResult) {
  if (read.kind !== 'thread') return read.kind === 'unrecognized' ? { unrecognized: read.missing.map((m) => m.id) } : { none: true };
  return {
    subject: read.snapshot.subject,
    messages: read.snapshot.messages.map((m) => [m.from?.address ?? null, m.sentAt, m.partial]),
  };
}

const here = dirname(fileURLToPath(import.meta.url));

function mutationSuite(hostName: string, host: MailHost, table: SelectorTable<string>): void {
  const dir = join(here, hostName, 'fixtures');
  for (const name of fixtureNames(dir)) {
    const html = readFileSync(join(dir, name), 'utf8');
    const parse = () => new DOMParser().parseFromString(html, 'text/html');
    const url = new URL(parse().querySelector('meta[name="fixture-url"]')!.getAttribute('content')!);
    const baseline = host.readThread(parse(), url);
    if (baseline.kind !== 'thread') continue;
    it(`${name}: every hook renamed alone leaves the thread readable by another strategy`, () => {
      const expected = essence(baseline);
      let mutations = 0;
      for (const [key, spec] of Object.entries(table)) {
        // The last strategy of an element has no other to fall back on: it is the floor, not a hook to lose.
        spec.strategies.slice(0, -1).forEach((strategy, index) => {
          for (const hook of hooksOf(strategy.css)) {
            const doc = parse();
            if (doc.querySelectorAll(strategy.css).length === 0) continue;
            if (rename(doc, strategy.css, hook) === 0) continue;
            mutations += 1;
            expect(essence(host.readThread(doc, url)), `${key} strategy ${index + 1} (${strategy.css.slice(0, 80)}): ${describeHook(hook)} renamed`).toEqual(expected);
          }
        });
      }
      // The test has teeth: hooks were really renamed on this page.
      expect(mutations).toBeGreaterThan(5);
    });
  }
}

describe('Gmail: one renamed hook at a time', () => {
  mutationSuite('gmail', createGmailHost(), gmailSelectors);
});

describe('Outlook: one renamed hook at a time', () => {
  mutationSuite('outlook', createOutlookHost(), outlookSelectors);
});
