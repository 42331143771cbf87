import { useEffect, useRef, useState } from 'react';

/**
 * Live updates over Server-Sent Events. Events arriving close together are gathered (300 ms after the last one, at
 * most 2 s after the first) and handed over as one change: which conversations changed, and `missed` when the
 * connection was down and anything may have changed. The browser reconnects by itself; when it gives up (the
 * stream answered with an error) this hook tries again with a growing pause.
 */

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveChange {
  ids: Set<string>;
  missed: boolean;
}

const QUIET_MS = 300;
const MAX_WAIT_MS = 2_000;
const RETRY_BASE_MS = 3_000;
const RETRY_MAX_MS = 60_000;

function conversationIdOf(data: unknown): string | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = JSON.parse(data) as { conversationId?: unknown };
    return typeof parsed?.conversationId === 'string' ? parsed.conversationId : null;
  } catch {
    return null;
  }
}

/** Subscribes to `url` while mounted; `onChange` is called (debounced) on inbox events and after a reconnect. */
export function useLiveInbox(url: string, onChange: (change: LiveChange) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('offline');
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let quietTimer: number | undefined;
    let maxTimer: number | undefined;
    let pending = new Set<string>();
    let missed = false;
    let failures = 0;
    let wasDown = false;
    let stopped = false;

    const flush = () => {
      window.clearTimeout(quietTimer);
      window.clearTimeout(maxTimer);
      quietTimer = maxTimer = undefined;
      const change = { ids: pending, missed };
      pending = new Set();
      missed = false;
      if (!stopped) onChangeRef.current(change);
    };

    const schedule = () => {
      window.clearTimeout(quietTimer);
      quietTimer = window.setTimeout(flush, QUIET_MS);
      if (maxTimer === undefined) maxTimer = window.setTimeout(flush, MAX_WAIT_MS);
    };

    const onEvent = (e: MessageEvent) => {
      const id = conversationIdOf(e.data);
      if (id) pending.add(id);
      else missed = true;
      schedule();
    };

    const connect = () => {
      if (stopped) return;
      const es = new EventSource(url);
      source = es;
      es.addEventListener('inbox', onEvent as EventListener);
      es.onmessage = onEvent;
      es.onopen = () => {
        failures = 0;
        setState('live');
        if (wasDown) {
          wasDown = false;
          missed = true;
          schedule();
        }
      };
      es.onerror = () => {
        wasDown = true;
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          if (source === es) source = null;
          failures += 1;
          setState(failures > 3 ? 'offline' : 'reconnecting');
          const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(failures - 1, 5));
          retryTimer = window.setTimeout(connect, wait);
        } else {
          setState('reconnecting');
        }
      };
    };

    setState('connecting');
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      window.clearTimeout(quietTimer);
      window.clearTimeout(maxTimer);
      source?.close();
    };
  }, [url]);

  return state;
}
