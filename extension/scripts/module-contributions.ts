import { SourceMapConsumer } from 'source-map-js';
import { gzipSize } from '../build-checks/sizes';

export type RawSourceMap = ConstructorParameters<typeof SourceMapConsumer>[0];

export interface ModuleContribution {
  /** The source path as the map names it, relative to the repository where it can be. */
  source: string;
  /** Bytes of the built file that map to this module. */
  raw: number;
  /** gzip(file) - gzip(file without this module's bytes): what the module costs in the compressed file. */
  gzip: number;
}

/**
 * Attributes each byte of a built file to the source module its source map names, and measures each
 * module by what removing its bytes saves in the gzipped file. Gzip is not additive (a module's text
 * compresses against every other's), so the marginal saving is what the module really costs; the
 * column does not sum to the total.
 */
export function moduleContributions(code: string, map: RawSourceMap): { total: number; modules: ModuleContribution[] } {
  const lineStarts: number[] = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const owners: (string | null)[] = new Array<string | null>(code.length).fill(null);
  const mappings: { line: number; column: number; source: string | null }[] = [];
  new SourceMapConsumer(map).eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? null }), null, SourceMapConsumer.GENERATED_ORDER);
  for (let i = 0; i < mappings.length; i++) {
    const from = lineStarts[mappings[i]!.line - 1]! + mappings[i]!.column;
    const next = mappings[i + 1];
    const to = next ? lineStarts[next.line - 1]! + next.column : code.length;
    owners.fill(mappings[i]!.source, from, to);
  }
  const name = (source: string | null) => (source ?? '(no source)').replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^(?:\.\.\/)+/, '');
  const bytes = new Map<string, number>();
  for (const owner of owners) bytes.set(name(owner), (bytes.get(name(owner)) ?? 0) + 1);
  const total = gzipSize(code);
  const modules = [...bytes].map(([source, raw]) => {
    let rest = '';
    let start = -1;
    for (let i = 0; i <= code.length; i++) {
      const mine = i < code.length && name(owners[i]!) === source;
      if (!mine && start < 0) start = i;
      if ((mine || i === code.length) && start >= 0) {
        rest += code.slice(start, i);
        start = -1;
      }
    }
    return { source, raw, gzip: total - gzipSize(rest) };
  });
  modules.sort((a, b) => b.gzip - a.gzip || a.source.localeCompare(b.source));
  return { total, modules };
}
