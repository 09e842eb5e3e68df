import { classifyUtterance } from '../issue.js';

/** The problem kind a line is read as first, or null: what the issue tables check. */
export const topIssue = (text: string, fresh?: boolean) => classifyUtterance(text, { fresh })[0]?.kind ?? null;
