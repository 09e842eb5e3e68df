/**
 * A call's summary as a person reads it. The summarizer (pipelines/summary) writes facts with
 * their codes: the policies it relied on by id ("zh.fruit.partial") and promise deadlines as
 * calendar days ("2026-12-08"). The dashboard shows titles and days written the way the
 * summary's own language writes them ("12月8日", "Dec 8"): the summary is data in the call's
 * language (decision 0510), so its dates are too. Used by the server's presenter and by the live
 * page, which reads a summary from the call's end event before any presenter has seen it.
 */

// A policy id with the space the summarizer sets before it ("依据 zh.fresh.partial").
const POLICY_ID = /( ?)\b((?:zh|en)\.[a-z0-9_-]+(?:\.[a-z0-9_-]+)+)/g;
const HAN = /\p{Script=Han}/u;
const CALENDAR_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;

/**
 * A calendar day ("2026-12-08", no time, no zone) as a language writes it, the year only when it
 * isn't `thisYear`. A language other than English (Chinese, or a mixed call's) writes it in Chinese.
 */
export function formatCalendarDay(day: string, language: string | null | undefined, thisYear?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Noon UTC, formatted in UTC: the day stays the day it names in every time zone.
  const date = new Date(Date.UTC(y, mo - 1, d, 12));
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(language === 'en' ? 'en-US' : 'zh-CN', {
    timeZone: 'UTC',
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
    ...(y === thisYear ? {} : { year: 'numeric' }),
  });
}

/**
 * Policy ids replaced by their titles (an unknown id stays, for the browser tests' raw-code scan
 * to see; a Chinese title joins the Chinese before it without the id's space) and calendar days
 * by the day as the summary's language writes it, its year only when it isn't the call's.
 */
export function readableSummary(
  text: string,
  language: string | null | undefined,
  titleOf: (policyId: string) => string | undefined,
  callStartedAt: string | Date = new Date(),
): string {
  const year = new Date(callStartedAt).getUTCFullYear();
  return text
    .replace(POLICY_ID, (_match, space: string, id: string, at: number, whole: string) => {
      const title = titleOf(id);
      if (title === undefined) return `${space}${id}`;
      // Chinese runs on without spaces: "依据 zh.fresh.partial" reads "依据坏果包赔"; "per Defective item" keeps its.
      return HAN.test(whole[at - 1] ?? '') && HAN.test(title[0] ?? '') ? title : `${space}${title}`;
    })
    .replace(CALENDAR_DAY, (day) => formatCalendarDay(day, language, year));
}

/**
 * Calendar days in a text a server wrote ("可在 2027-06-07 前免费申诉", a statement sent before
 * days were written out) as `language` writes them, with their year.
 */
export function readableDays(text: string, language: string | null | undefined): string {
  return text.replace(CALENDAR_DAY, (day) => formatCalendarDay(day, language));
}
