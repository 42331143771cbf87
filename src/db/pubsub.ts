import pg from 'pg';

/** What a listener hears about its channel and its connection. */
export interface ListenHandlers {
  /** A payload sent to the channel by any process (this one included). */
  message(payload: string): void;
  /** The listening connection failed or dropped; it connects again after `retryInMs`. */
  lost?(err: unknown, retryInMs: number): void;
  /** Listening has started (`again`: after a loss; payloads sent during the gap were not heard). */
  listening?(again: boolean): void;
}

/** Short messages between the server processes that share one database. */
export interface PubSub {
  /** Hands `payload` to every process listening on `channel`. Rejects when the database refuses it. */
  notify(channel: string, payload: string): Promise<void>;
  /** Listens on `channel` until the returned function is called (which resolves once the connection is closed). */
  listen(channel: string, handlers: ListenHandlers): () => Promise<void>;
  /** Stops every listener opened here. */
  close(): Promise<void>;
}

/** Where one process does all the work (embedded SQLite) there is nobody else to tell: notify and listen do nothing. */
export function oneProcessPubSub(): PubSub {
  return {
    notify: async () => {},
    listen: () => async () => {},
    close: async () => {},
  };
}

export interface ReconnectDelays {
  /** First wait after a failure (ms); doubles per failure up to `maxMs`, back to `minMs` once listening again. */
  minMs: number;
  maxMs: number;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * PostgreSQL's LISTEN/NOTIFY: `notify` goes through the pool (`pg_notify`), each listener holds one dedicated
 * connection of its own (never one of the pool's) and, when that connection fails or drops, connects and LISTENs
 * again with a growing, jittered delay until stopped.
 */
export function postgresPubSub(pool: pg.Pool, url: string, delays: ReconnectDelays = { minMs: 500, maxMs: 30_000 }): PubSub {
  const stops = new Set<() => Promise<void>>();
  return {
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listen(channel, handlers) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`Not a usable channel name: ${channel}`);
      const stopOne = startListener(url, channel, handlers, delays);
      const stop = async () => {
        stops.delete(stop);
        await stopOne();
      };
      stops.add(stop);
      return stop;
    },
    async close() {
      await Promise.all([...stops].map((stop) => stop()));
    },
  };
}

function startListener(url: string, channel: string, handlers: ListenHandlers, delays: ReconnectDelays): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let delay = delays.minMs;
  let heardBefore = false;

  const connect = async () => {
    timer = undefined;
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    client = c;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      if (client === c) client = null;
      c.end().catch(() => {});
      if (stopped) return;
      const wait = Math.round(delay * (0.5 + Math.random() / 2));
      delay = Math.min(delay * 2, delays.maxMs);
      handlers.lost?.(err, wait);
      timer = setTimeout(() => void connect(), wait);
      timer.unref();
    };
    c.on('error', fail);
    c.on('end', () => fail(new Error('the listening connection ended')));
    c.on('notification', (m) => {
      if (m.channel === channel && typeof m.payload === 'string') handlers.message(m.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel}"`);
    } catch (err) {
      fail(err);
      return;
    }
    if (stopped || failed) return;
    delay = delays.minMs;
    handlers.listening?.(heardBefore);
    heardBefore = true;
  };

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}
