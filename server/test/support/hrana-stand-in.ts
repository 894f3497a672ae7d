import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client, type InValue, type ResultSet, type Transaction } from '@libsql/client';

/**
 * A local stand-in for a libSQL server (sqld / Turso) speaking Hrana over HTTP, version 2: the JSON
 * pipeline protocol @libsql/client uses for `http://` URLs. No libSQL server binary can be installed
 * here, so this plays one, backed by a real libSQL file through @libsql/client.
 *
 * Wire format, as the client's hrana-client sources read and write it (http/json_encode.js,
 * shared/json_decode.js):
 * - GET /v2 answers 200 and /v3, /v3-protobuf 404, so the client settles on the v2 JSON pipeline.
 * - POST /v2/pipeline `{baton, requests: [...]}` -> `{baton, base_url, results: [{type: "ok", response} |
 *   {type: "error", error: {message, code}}]}`. Requests: execute, batch (steps with conditions ok / error /
 *   not / and / or / is_autocommit), sequence, store_sql, close_sql, get_autocommit, close.
 * - Values are typed: {type: "null"}, {type: "integer", value: "42"} (a string), {type: "float", value: 1.5},
 *   {type: "text", value}, {type: "blob", base64}.
 * - A baton names a stream; each stream is one connection. BEGIN ... COMMIT on a stream maps to an
 *   @libsql/client transaction, which holds its own connection as a server stream would.
 * - `Authorization: Bearer <token>` is required when a token is configured (401 otherwise).
 */
export interface HranaStandIn {
  url: string;
  /** Authorization headers of every pipeline request, in order. */
  authorizations: (string | undefined)[];
  requestCount(): number;
  close(): Promise<void>;
}

type HranaValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };

interface HranaStmt {
  sql?: string;
  sql_id?: number;
  args?: HranaValue[];
  named_args?: { name: string; value: HranaValue }[];
  want_rows?: boolean;
}

type HranaCond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: HranaCond }
  | { type: 'and' | 'or'; conds: HranaCond[] }
  | { type: 'is_autocommit' };

type HranaRequest =
  | { type: 'execute'; stmt: HranaStmt }
  | { type: 'batch'; batch: { steps: { condition?: HranaCond; stmt: HranaStmt }[] } }
  | { type: 'sequence'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' }
  | { type: 'close' };

interface Stream {
  tx: Transaction | undefined;
  sqls: Map<number, string>;
}

class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function fromHrana(value: HranaValue): InValue {
  switch (value.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(value.value);
    case 'float':
      return value.value;
    case 'text':
      return value.value;
    case 'blob':
      return new Uint8Array(Buffer.from(value.base64, 'base64'));
  }
}

function toHrana(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof ArrayBuffer) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  if (value instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  throw new HranaError(`cannot encode ${typeof value}`, 'SQLITE_MISMATCH');
}

function stmtResult(rs: ResultSet) {
  return {
    cols: rs.columns.map((name, i) => ({ name, decltype: rs.columnTypes[i] || null })),
    rows: rs.rows.map((row) => rs.columns.map((_, i) => toHrana(row[i]))),
    affected_row_count: rs.rowsAffected,
    last_insert_rowid: rs.lastInsertRowid !== undefined ? rs.lastInsertRowid.toString() : null,
  };
}

function errorOf(e: unknown): { message: string; code: string } {
  const err = e as { message?: string; code?: string };
  return { message: err.message ?? String(e), code: err.code ?? 'UNKNOWN' };
}

export async function startHranaStandIn(options: { dbFile: string; authToken?: string }): Promise<HranaStandIn> {
  // intMode bigint: integers come back as bigint, so they can be told apart from floats on the wire.
  // No busy timeout: SQLite's busy handler sleeps on the thread, and this stand-in shares its thread
  // with the app under test, so one waiting statement would freeze the very writer it waits for. A real
  // libSQL server waits apart from its clients; here a locked database answers SQLITE_BUSY at once and
  // the server's writes retry (store/write-transaction.ts).
  const backing: Client = createClient({ url: `file:${options.dbFile}`, intMode: 'bigint', timeout: 0 });
  await backing.execute('PRAGMA journal_mode = WAL');
  const streams = new Map<string, Stream>();
  const authorizations: (string | undefined)[] = [];
  let batonSeq = 0;
  let requests = 0;

  const sqlOf = (stream: Stream, stmt: { sql?: string; sql_id?: number }): string => {
    if (stmt.sql !== undefined) return stmt.sql;
    const stored = stmt.sql_id !== undefined ? stream.sqls.get(stmt.sql_id) : undefined;
    if (stored === undefined) throw new HranaError(`unknown sql_id ${stmt.sql_id}`, 'SQL_NOT_FOUND');
    return stored;
  };

  async function execute(stream: Stream, stmt: HranaStmt): Promise<ResultSet> {
    const sql = sqlOf(stream, stmt).trim();
    const verb = /^(\w+)/.exec(sql)?.[1]?.toUpperCase();
    if (verb === 'BEGIN') {
      if (stream.tx) throw new HranaError('cannot start a transaction within a transaction', 'SQLITE_ERROR');
      const mode = /\bIMMEDIATE\b/i.test(sql) ? 'write' : /\bEXCLUSIVE\b/i.test(sql) ? 'write' : 'deferred';
      stream.tx = await backing.transaction(mode);
      return { columns: [], columnTypes: [], rows: [], rowsAffected: 0, lastInsertRowid: undefined, toJSON: () => ({}) };
    }
    if ((verb === 'COMMIT' || verb === 'END' || verb === 'ROLLBACK') && !/^ROLLBACK\s+TO/i.test(sql)) {
      if (!stream.tx) throw new HranaError('cannot commit - no transaction is active', 'SQLITE_ERROR');
      const tx = stream.tx;
      stream.tx = undefined;
      if (verb === 'ROLLBACK') await tx.rollback();
      else await tx.commit();
      return { columns: [], columnTypes: [], rows: [], rowsAffected: 0, lastInsertRowid: undefined, toJSON: () => ({}) };
    }
    const args: InValue[] | Record<string, InValue> = stmt.named_args?.length
      ? Object.fromEntries(stmt.named_args.map((a) => [a.name, fromHrana(a.value)]))
      : (stmt.args ?? []).map(fromHrana);
    const target = stream.tx ?? backing;
    return target.execute({ sql, args });
  }

  function evalCond(cond: HranaCond, outcomes: ('ok' | 'error' | 'skipped')[], stream: Stream): boolean {
    switch (cond.type) {
      case 'ok':
        return outcomes[cond.step] === 'ok';
      case 'error':
        return outcomes[cond.step] === 'error';
      case 'not':
        return !evalCond(cond.cond, outcomes, stream);
      case 'and':
        return cond.conds.every((c) => evalCond(c, outcomes, stream));
      case 'or':
        return cond.conds.some((c) => evalCond(c, outcomes, stream));
      case 'is_autocommit':
        return stream.tx === undefined;
    }
  }

  async function handle(stream: Stream, request: HranaRequest): Promise<Record<string, unknown>> {
    switch (request.type) {
      case 'execute':
        return { type: 'execute', result: stmtResult(await execute(stream, request.stmt)) };
      case 'batch': {
        const outcomes: ('ok' | 'error' | 'skipped')[] = [];
        const stepResults: unknown[] = [];
        const stepErrors: unknown[] = [];
        for (const step of request.batch.steps) {
          if (step.condition && !evalCond(step.condition, outcomes, stream)) {
            outcomes.push('skipped');
            stepResults.push(null);
            stepErrors.push(null);
            continue;
          }
          try {
            stepResults.push(stmtResult(await execute(stream, step.stmt)));
            stepErrors.push(null);
            outcomes.push('ok');
          } catch (e) {
            stepResults.push(null);
            stepErrors.push(errorOf(e));
            outcomes.push('error');
          }
        }
        return { type: 'batch', result: { step_results: stepResults, step_errors: stepErrors } };
      }
      case 'sequence': {
        const sql = sqlOf(stream, request);
        await (stream.tx ?? backing).executeMultiple(sql);
        return { type: 'sequence' };
      }
      case 'store_sql':
        stream.sqls.set(request.sql_id, request.sql);
        return { type: 'store_sql' };
      case 'close_sql':
        stream.sqls.delete(request.sql_id);
        return { type: 'close_sql' };
      case 'get_autocommit':
        return { type: 'get_autocommit', is_autocommit: stream.tx === undefined };
      case 'close':
        if (stream.tx) {
          await stream.tx.rollback();
          stream.tx = undefined;
        }
        return { type: 'close' };
    }
  }

  async function pipeline(body: { baton?: string | null; requests: HranaRequest[] }) {
    let baton = body.baton ?? null;
    let stream: Stream;
    if (baton) {
      const existing = streams.get(baton);
      if (!existing) throw new HranaError('unknown or expired baton', 'STREAM_EXPIRED');
      streams.delete(baton);
      stream = existing;
    } else {
      stream = { tx: undefined, sqls: new Map() };
    }
    const results: unknown[] = [];
    let closed = false;
    for (const request of body.requests) {
      try {
        results.push({ type: 'ok', response: await handle(stream, request) });
      } catch (e) {
        results.push({ type: 'error', error: errorOf(e) });
      }
      if (request.type === 'close') closed = true;
    }
    baton = null;
    if (!closed) {
      baton = `baton-${++batonSeq}`;
      streams.set(baton, stream);
    }
    return { baton, base_url: null, results };
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method === 'GET' && path === '/v2') return send(res, 200, {});
        if (req.method === 'GET' && (path === '/v3' || path === '/v3-protobuf')) return send(res, 404, { message: 'not found' });
        if (req.method !== 'POST' || path !== '/v2/pipeline') return send(res, 404, { message: `no route ${req.method} ${path}` });
        requests++;
        authorizations.push(req.headers.authorization);
        if (options.authToken && req.headers.authorization !== `Bearer ${options.authToken}`) {
          return send(res, 401, { message: 'Unauthorized: invalid or missing auth token' });
        }
        try {
          send(res, 200, await pipeline(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        } catch (e) {
          send(res, 400, { message: errorOf(e).message });
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    requestCount: () => requests,
    close: async () => {
      for (const stream of streams.values()) if (stream.tx) await stream.tx.rollback().catch(() => undefined);
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      backing.close();
    },
  };
}
