import type { PromiseAction } from '../../../core/domain.js';
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

/** Promise actions as a person reads them (the ledger never shows the code). */
export const PROMISE_ACTION: Record<PromiseAction, StringKey> = {
  refund: 'actRefund',
  ship: 'actShip',
  callback: 'actCallback',
  visit: 'actVisit',
  compensate: 'actCompensate',
  escalate: 'actEscalate',
  follow_up: 'actFollowUp',
  other: 'actOther',
};
