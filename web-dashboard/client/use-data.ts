import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from './api.js';

export type Loaded<T> = { data?: T; error?: ApiError; loading: boolean; reload: () => void };

/** GETs a path and re-GETs on `reload()`; errors are kept, not thrown, so pages can say "not found". */
export function useData<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    get<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          error: error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error)),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
