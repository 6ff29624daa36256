import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { KeyvStoreAdapter } from 'keyv';
import { StoreOpenError, StoreUnavailableError, describeError } from './errors.js';

/** Logs the storage layer writes (a pino logger fits). */
export interface StoreLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

type Row = Record<string, unknown>;

/** One sqlite3 connection with promise helpers; each SQL text is prepared once and reused. */
class Connection {
  // sqlite3 queues the runs of one statement, so concurrent callers can share it. A failed
  // prepare never calls queued runs back, so runs wait for the prepare and a failure is evicted.
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string, synchronous: 'FULL' | 'NORMAL'): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, (error) => {
        if (error !== null) {
          reject(error);
          return;
        }
        db.configure('busyTimeout', 5000);
        const connection = new Connection(db);
        // WAL: a commit appends to the log, so the two connections wait on each other less.
        // FULL syncs the log on every commit (votes, briefings); NORMAL skips that sync for the
        // rebuildable data, which still survives a crash or kill -9 (only a power loss may drop it).
        connection
          .exec(
            `PRAGMA journal_mode=WAL; PRAGMA synchronous=${synchronous};
             CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT);`,
          )
          .then(() => {
            resolve(connection);
          })
          .catch(async (cause: unknown) => {
            await connection.close().catch(() => undefined);
            reject(cause instanceof Error ? cause : new Error(String(cause)));
          });
      });
    });
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = new Promise((resolve, reject) => {
        const prepared: sqlite3.Statement = this.db.prepare(sql, (error: Error | null) => {
          if (error === null) {
            resolve(prepared);
            return;
          }
          this.statements.delete(sql);
          reject(error);
        });
      });
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async all(sql: string, ...params: unknown[]): Promise<Row[]> {
    const statement = await this.statement(sql);
    return new Promise((resolve, reject) => {
      statement.all(params, (error: Error | null, rows: Row[]) => {
        if (error !== null) reject(error);
        else resolve(rows);
      });
    });
  }

  async run(sql: string, ...params: unknown[]): Promise<number> {
    const statement = await this.statement(sql);
    return new Promise((resolve, reject) => {
      statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error !== null) reject(error);
        else resolve(this.changes);
      });
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (error) => {
        if (error !== null) reject(error);
        else resolve();
      });
    });
  }

  async close(): Promise<void> {
    const statements = await Promise.allSettled([...this.statements.values()]);
    this.statements.clear();
    const prepared = statements.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    await Promise.all(
      prepared.map(
        (statement) =>
          new Promise<void>((resolve) => {
            statement.finalize(() => {
              resolve();
            });
          }),
      ),
    );
    return new Promise((resolve, reject) => {
      this.db.close((error) => {
        if (error !== null) reject(error);
        else resolve();
      });
    });
  }
}

interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

function identityOf(path: string): FileIdentity | undefined {
  try {
    const stat = statSync(path);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    // Missing (or unreadable) counts as "not the file we opened".
    return undefined;
  }
}

const sameFile = (a: FileIdentity | undefined, b: FileIdentity | undefined) =>
  a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;

/**
 * `mkdir -p` one level at a time: Node's recursive mkdirSync never returns on some paths (under
 * /proc, for one), which would hang the start with no output.
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing) mkdirSync(folder);
}

/** Which connection a namespace writes through. */
export type Durability = 'durable' | 'relaxed';

/**
 * The SQLite file behind every namespace, watched: an open connection keeps writing to a file
 * that was deleted or replaced on disk, and those writes vanish at the next start. So every
 * operation first checks that the path still names the file that was opened (and its WAL), and
 * every write checks again after its commit; when it does not, operations fail with
 * StoreUnavailableError (the user gets the apology, nothing is acknowledged) while the file is
 * reopened at its path.
 */
export class SqliteBackend {
  private connections: Record<Durability, Connection>;
  private identity: FileIdentity | undefined;
  private walIdentity: FileIdentity | undefined;
  private lost: string | null = null;
  private reopening: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  private constructor(
    readonly file: string,
    connections: Record<Durability, Connection>,
    private readonly logger: StoreLogger | undefined,
  ) {
    this.connections = connections;
    this.identity = identityOf(file);
    this.walIdentity = identityOf(`${file}-wal`);
    // Noticed within a few seconds even when nobody writes (for /healthz and the log).
    this.timer = setInterval(() => {
      this.verify();
    }, 2000);
    this.timer.unref();
  }

  static async open(file: string, logger?: StoreLogger): Promise<SqliteBackend> {
    try {
      makeFolder(dirname(file));
    } catch (error) {
      throw new StoreOpenError(`cannot create the folder of STORE_PATH ${file}: ${describeError(error)}`, {
        cause: error,
      });
    }
    try {
      return new SqliteBackend(file, await SqliteBackend.connect(file), logger);
    } catch (error) {
      throw new StoreOpenError(`cannot open STORE_PATH ${file} as SQLite: ${describeError(error)}`, {
        cause: error,
      });
    }
  }

  private static async connect(file: string): Promise<Record<Durability, Connection>> {
    const durable = await Connection.open(file, 'FULL');
    try {
      return { durable, relaxed: await Connection.open(file, 'NORMAL') };
    } catch (error) {
      await durable.close().catch(() => undefined);
      throw error;
    }
  }

  /** Null when usable, else why not. */
  get problem(): string | null {
    this.verify();
    return this.lost;
  }

  /** Checks the file on disk is still the one in use; starts a reopen when it is not. */
  private verify(): void {
    if (this.closed || this.lost !== null) return;
    const now = identityOf(this.file);
    let reason: string | null = null;
    if (!sameFile(this.identity, now))
      reason = now === undefined ? 'the store file was removed' : 'the store file was replaced';
    else {
      const wal = identityOf(`${this.file}-wal`);
      if (this.walIdentity === undefined) this.walIdentity = wal;
      else if (!sameFile(this.walIdentity, wal)) reason = 'the store write-ahead log was removed or replaced';
    }
    if (reason === null) return;
    this.lost = reason;
    this.logger?.error(
      { store: this.file, reason },
      'store file lost: refusing acknowledgements until it is reopened',
    );
    this.reopening = this.reopen();
  }

  /** Closes the connections one after the other: the last one checkpoints and removes the WAL. */
  private async disconnect(): Promise<void> {
    for (const connection of Object.values(this.connections)) await connection.close().catch(() => undefined);
  }

  private async reopen(): Promise<void> {
    // Close first: the old connections checkpoint into the file they had open. A log they leave
    // behind belongs to that file; the file now at the path must never pick it up.
    await this.disconnect();
    const wal = `${this.file}-wal`;
    if (this.walIdentity !== undefined && sameFile(this.walIdentity, identityOf(wal))) {
      rmSync(wal, { force: true });
      rmSync(`${this.file}-shm`, { force: true });
    }
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        makeFolder(dirname(this.file));
        this.connections = await SqliteBackend.connect(this.file);
        this.identity = identityOf(this.file);
        this.walIdentity = identityOf(`${this.file}-wal`);
        this.logger?.error(
          { store: this.file, after: this.lost },
          'store file reopened; data written since it was lost was refused, not kept',
        );
        this.lost = null;
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 30 === 0)
          this.logger?.error({ store: this.file, err: error }, 'cannot reopen the store file; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private ensureUsable(): void {
    this.verify();
    if (this.lost !== null) throw new StoreUnavailableError(this.lost);
  }

  async read(durability: Durability, sql: string, ...params: unknown[]): Promise<Row[]> {
    this.ensureUsable();
    return this.connections[durability].all(sql, ...params);
  }

  async write(durability: Durability, sql: string, ...params: unknown[]): Promise<number> {
    this.ensureUsable();
    const changes = await this.connections[durability].run(sql, ...params);
    // Committed, but into the file that is still at the path? If not, it is not acknowledged.
    this.ensureUsable();
    return changes;
  }

  /** A Keyv store adapter for one namespace. */
  adapter(durability: Durability, onError: (error: unknown) => void): KeyvStoreAdapter {
    return new SqliteNamespace(this, durability, onError);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.reopening;
    await this.disconnect();
  }
}

/** Keys are `namespace:key` (Keyv adds the prefix), as @keyv/sqlite stored them: old files still read. */
class SqliteNamespace implements KeyvStoreAdapter {
  readonly opts: { dialect: 'sqlite'; url: string };
  namespace?: string | undefined;

  constructor(
    private readonly backend: SqliteBackend,
    private readonly durability: Durability,
    private readonly onError: (error: unknown) => void,
  ) {
    this.opts = { dialect: 'sqlite', url: `sqlite://${backend.file}` };
  }

  on(): this {
    return this;
  }

  private async observe<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      this.onError(error);
      throw error;
    }
  }

  async get<Value>(key: string): Promise<Value | undefined> {
    const rows = await this.observe(
      this.backend.read(this.durability, 'SELECT value FROM keyv WHERE key = ?', key),
    );
    return rows[0]?.['value'] as Value | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.observe(
      this.backend.write(
        this.durability,
        'INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        key,
        value,
      ),
    );
  }

  async delete(key: string): Promise<boolean> {
    return (
      (await this.observe(this.backend.write(this.durability, 'DELETE FROM keyv WHERE key = ?', key))) > 0
    );
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  private range(namespace: string | undefined): [string, string] {
    // Every key starting with "namespace:" (';' is the character after ':').
    return namespace === undefined ? ['', '\uffff'] : [`${namespace}:`, `${namespace};`];
  }

  async clear(): Promise<void> {
    const [from, to] = this.range(this.namespace);
    await this.observe(
      this.backend.write(this.durability, 'DELETE FROM keyv WHERE key >= ? AND key < ?', from, to),
    );
  }

  /** The namespace in one query: one consistent snapshot, even while others write. */
  async *iterator<Value>(namespace?: string): AsyncGenerator<[string, Value | undefined], void> {
    const [from, to] = this.range(namespace);
    const rows = await this.observe(
      this.backend.read(this.durability, 'SELECT key, value FROM keyv WHERE key >= ? AND key < ?', from, to),
    );
    for (const row of rows) yield [row['key'] as string, row['value'] as Value | undefined];
  }

  async disconnect(): Promise<void> {
    // The backend owns the connections; the stores close it once.
  }
}
