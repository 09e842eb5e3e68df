import type { StringKey } from '../i18n.js';
import type { AppealOutcome, AppealStatus } from '../types.js';

export const APPEAL_STATUS: Record<AppealStatus, StringKey> = {
  open: 'aOpen',
  claimed: 'aClaimed',
  decided: 'aDecided',
  withdrawn: 'aWithdrawn',
};
export const APPEAL_OUTCOME: Record<AppealOutcome, StringKey> = {
  upheld: 'oUpheld',
  overturned_fully: 'oOverturnedFully',
  overturned_partly: 'oOverturnedPartly',
};
