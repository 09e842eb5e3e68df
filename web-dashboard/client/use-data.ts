import { QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, get } from './api.js';

/**
 * One cache for every page (TanStack Query): a page re-reads when it mounts or the window regains
 * focus, lists can poll, and after any change `refreshAll()` re-reads everything on screen, so the
 * merchant's, the moderator's and the statement's view of a decision never disagree.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 2_000, refetchOnWindowFocus: true } },
});

export function refreshAll(): void {
  void queryClient.invalidateQueries();
}

export type Loaded<T> = { data?: T; error?: ApiError; loading: boolean; reload: () => void };

/** GETs a path (null: not yet); errors are kept, not thrown, so pages can say "not found". */
export function useData<T>(path: string | null, options: { refetchInterval?: number } = {}): Loaded<T> {
  const q = useQuery({
    queryKey: [path],
    queryFn: () => get<T>(path!),
    enabled: path !== null,
    refetchInterval: options.refetchInterval,
  });
  const error = q.error
    ? q.error instanceof ApiError
      ? q.error
      : new ApiError(0, 'INTERNAL', String(q.error))
    : undefined;
  return { data: q.data, error, loading: path !== null && q.isPending, reload: refreshAll };
}
