import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/** Loads data with a fetcher; reload() fetches again without blanking what is shown. */
export interface ApiResource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  setData: Dispatch<SetStateAction<T | undefined>>;
}

export function useApi<T>(fetcher: (() => Promise<T>) | null, deps: unknown[]): ApiResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState<boolean>(fetcher !== null);
  const seq = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const run = useCallback(async () => {
    const f = fetcherRef.current;
    if (!f) {
      setLoading(false);
      return;
    }
    const my = ++seq.current;
    setLoading(true);
    try {
      const result = await f();
      if (my === seq.current) {
        setData(result);
        setError(null);
      }
    } catch (e) {
      if (my === seq.current) setError(e);
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setData(undefined);
    setError(null);
    void run();
  }, deps);

  return { data, error, loading, reload: run, setData };
}
