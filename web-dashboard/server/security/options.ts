/** The dashboard server's security knobs; defaults are the documented production values. */
export interface SecurityOptions {
  /** Believe X-Forwarded-Proto / X-Forwarded-For (only behind a proxy that sets them). */
  trustProxy: boolean;
  /** Open live streams one user may hold at once. */
  streamsPerUser: number;
  /** How often an idle live stream re-reads its session (it also does before every batch). */
  streamRecheckMs: number;
  /** Request body limits in bytes, enforced while the body is read. */
  bodyLimits: { auth: number; appeals: number; other: number };
}

export const DEFAULT_SECURITY: SecurityOptions = {
  trustProxy: false,
  streamsPerUser: 3,
  streamRecheckMs: 5_000,
  bodyLimits: { auth: 4 * 1024, appeals: 4 * 1024 * 1024, other: 64 * 1024 },
};

export function securityOptions(overrides: Partial<SecurityOptions> = {}): SecurityOptions {
  return { ...DEFAULT_SECURITY, ...overrides, bodyLimits: { ...DEFAULT_SECURITY.bodyLimits, ...overrides.bodyLimits } };
}
