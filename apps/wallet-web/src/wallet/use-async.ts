import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncValue<T> {
  readonly value: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => Promise<void>;
}

/** Runs `load` on mount, when `key` changes and on `reload()`, keeping the last value meanwhile. */
export function useAsync<T>(load: () => Promise<T>, key: unknown): AsyncValue<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const loader = useRef(load);
  loader.current = load;
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const next = await loader.current();
      if (mine === generation.current) {
        setValue(next);
        setError(undefined);
      }
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is what makes it load again
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { value, error, loading, reload };
}
