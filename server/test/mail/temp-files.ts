import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temp folder per test file, with real files written into it (CRLF on request, as Windows tools write). */
export function createTempDir(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), `followthrough-${prefix}-`));
  return {
    root,
    write(name: string, content: string | Buffer, options: { crlf?: boolean } = {}): string {
      const path = join(root, name);
      mkdirSync(dirname(path), { recursive: true });
      const data = typeof content === 'string' && options.crlf ? content.replace(/\r?\n/g, '\r\n') : content;
      writeFileSync(path, data);
      return path;
    },
    remove(): void {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Drops the indentation template literals carry, so test mail reads naturally in the source. */
export function mail(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values);
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}
