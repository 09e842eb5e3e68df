/**
 * The shape of a rule file (`rules/<language>.json`). Rules are data so that merchants can be told
 * exactly which rule, at which version, flagged them: any change to a rule's meaning bumps its
 * version (README, "Adding or changing a rule").
 */
import { z } from 'zod';
import { FlagCategorySchema, SeveritySchema, SpeakerRoleSchema } from '../../core/domain.js';

/** A regex source; `{name}` inserts an alternation of the file's lexicon entry `name`. */
const PatternSchema = z.string().min(1);

export const ExclusionSchema = z
  .object({
    pattern: PatternSchema,
    /**
     * Where the pattern must occur to veto the match: just before or after it (within `window`
     * characters of the matching view), anywhere in the utterance, or in the other speaker's
     * line just before (e.g. the merchant reading back the phone number the buyer gave).
     */
    where: z.enum(['before', 'after', 'utterance', 'previous-other']),
    window: z.number().int().positive().max(80).default(12),
    note: z.string().optional(),
  })
  .strict();
export type Exclusion = z.infer<typeof ExclusionSchema>;

/**
 * One slot of a frame: alternatives separated by "|", each a lexicon class of the language layer
 * (`private_datum`), a clause mark (`mark:addressee`), a masked span (`mask:handle`) or a number
 * of at least n digits (`digits:7`), or of n digits read out in words (`spoken:3`).
 */
export const SlotSchema = z
  .string()
  .regex(
    /^(?:(?:mark|mask):[a-z_]+|(?:digits|spoken):\d+|[a-z][a-z0-9_.]*)(?:\|(?:(?:mark|mask):[a-z_]+|(?:digits|spoken):\d+|[a-z][a-z0-9_.]*))*$/,
    'a slot is class | mark:<kind> | mask:<kind> | digits:<n> | spoken:<n>, alternatives joined by "|"',
  );

/**
 * A frame: every slot filled in one clause (or `reach` consecutive clauses) of the line, so a rule
 * says "a request verb and a private datum, either order" instead of listing sentences.
 */
export const FrameSchema = z
  .object({
    slots: z.array(SlotSchema).min(1).max(5),
    /** `written`: the slots must occur in the order given. */
    order: z.enum(['any', 'written']).default('any'),
    reach: z.number().int().min(1).max(4).default(1),
    /** Any of these in the frame's clauses vetoes it (e.g. `mark:reported`, `lawful_reason`). */
    unless: z.array(SlotSchema).default([]),
    /** Any of these anywhere in the line, or in the same speaker's line before, vetoes it (warnings). */
    unlessLine: z.array(SlotSchema).default([]),
    /**
     * `veto`: a negation whose scope covers a slot vetoes; `ignore` for frames that are refusals or
     * insults. A denial is a word class (`denial`: 不支持, 退不了), not a negation anywhere near.
     */
    negation: z.enum(['veto', 'ignore']).default('veto'),
    /**
     * Slots an earlier line must fill (in one clause, not negated), for intent that spans lines:
     * "退款要走银行卡号哈" then "发我一下". The evidence stays in the current line.
     */
    earlier: z
      .object({
        slots: z.array(SlotSchema).min(1).max(3),
        /** Consecutive clauses of that line the slots may spread over (验证码 / 报一下给小妹). */
        reach: z.number().int().min(1).max(3).default(1),
        lines: z.number().int().min(1).max(3).default(2),
        /**
         * Read the act from the call's carried state over turns instead of lines (decision 0430): the
         * lines of the last `turns` turns, this line's turn the first, so a buyer's echo, question or
         * "ok" between an offer and its follow-up leaves the offer open. At most `MAX_TURN_LINES` lines.
         */
        turns: z.number().int().min(1).max(4).optional(),
        speaker: z.enum(['same', 'other', 'any']).default('same'),
        /**
         * A later act that a follow-up continues instead (decision 0430): opened by any line after the
         * earlier one and before this one, it takes the follow-up — the number given after 企鹅号多少
         * answers the chat app asked about, not the private deal named before it.
         */
        unlessAfter: z.array(SlotSchema).min(1).max(3).optional(),
        /**
         * The earlier line opens no act when it also holds one of these (decision 0610): a reward
         * already offered beside the rating asked for makes the next line's reward the same offer.
         */
        unlessLine: z.array(SlotSchema).min(1).max(3).optional(),
        /**
         * The line only presses on with the earlier act (reassurance after a code request): when
         * the rule already flagged that line, this is the same incident, not a second flag.
         */
        continues: z.boolean().default(false),
        /**
         * `false`: the frame fires with no earlier act as well; the act, when open, only serves
         * `continues` (a restatement of the speaker's own flagged invitation is the same incident).
         */
        required: z.boolean().default(true),
        /**
         * The earlier line must itself be flagged by this rule (decision 0675): standing by what one
         * said after the other party objected (规定就是这样; "it is now, sorry") repeats an obstruction
         * only when what was said was one — after a lawful refusal it is no flag.
         */
        flagged: z.boolean().default(false),
        /**
         * The earlier line is the request half of an act split over two lines (decision 0715): when
         * this frame fires, that line is flagged too — late, from this line — if it also fills these
         * slots (a request or invitation: 给个五星好评, "leave us five stars") and nothing flagged it
         * on its own. Its evidence joins both lines' words and times.
         */
        flagRequest: z
          .object({
            slots: z.array(SlotSchema).min(1).max(3),
            reach: z.number().int().min(1).max(3).default(1),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /**
     * A reason said on an earlier line vetoes the hit (decision 0745): the lawful reason the speaker
     * gave lines before (定制刻字的商品不支持七天无理由 … 那这边就没办法给您退了; "that was final sale" …
     * "so I can't take it back") carries to the refusal that repeats it — unless the other party
     * said one of the `unlessAfter` acts since (each its slots in one clause, or `reach` clauses): a
     * fault, which the reason does not cover, or the right or the rule the buyer holds up against it.
     */
    unlessSaid: z
      .object({
        slots: z.array(SlotSchema).min(1).max(3),
        reach: z.number().int().min(1).max(3).default(1),
        lines: z.number().int().min(1).max(6).default(6),
        speaker: z.enum(['same', 'other', 'any']).default('same'),
        unlessAfter: z
          .array(
            z
              .object({
                slots: z.array(SlotSchema).min(1).max(3),
                /** `ignore`: a right quoted with a negation inside it (七天内未学习…可以退) still counts. */
                negation: z.enum(['veto', 'ignore']).default('veto'),
              })
              .strict(),
          )
          .min(1)
          .max(4)
          .optional(),
      })
      .strict()
      .optional(),
    /** Only lines by these speakers fill the frame (the rule's `speakers` still apply). */
    speakers: z.array(SpeakerRoleSchema).min(1).optional(),
    /**
     * The line answers an act of the other party: when it holds a `cue` (骗子, "scam") and a line
     * of the other party's within `lines` before fills `slots` (a payment password asked for), the
     * hit is vetoed. Calling out a scam is not abuse.
     */
    unlessAnswering: z
      .array(
        z
          .object({
            cue: z.array(SlotSchema).min(1).max(2),
            slots: z.array(SlotSchema).min(1).max(3),
            reach: z.number().int().min(1).max(3).default(1),
            lines: z.number().int().min(1).max(4).default(3),
          })
          .strict(),
      )
      .default([]),
    /**
     * Slots the other party's line just before must fill, read with `earlier` (the buyer's "什么数字？"
     * / "what's OTP?" between the request and this line): naming the datum again in answer to a
     * question about it is asking for it again.
     */
    reply: z
      .object({
        slots: z.array(SlotSchema).min(1).max(3),
        /** Consecutive clauses of that line the slots may spread over (哦是登录验证码 / 这个也要给你吗). */
        reach: z.number().int().min(1).max(3).default(1),
        /**
         * That line only repeats words of the `earlier` line as a question (飞机？ / 扣扣群？ / "green
         * app??"): a clarification of what was just offered, so the answer restates the offer.
         */
        echo: z.boolean().default(false),
      })
      .strict()
      .optional(),
    /**
     * Whom the words are aimed at (`mark:addressee`): an `unless` filler (the speaker, a third
     * party) named before the hit, with the target named between them, vetoes nothing: 我看你就是个傻逼;
     * nor does the speaker named two words or more after the hit: 傻X 自己摔坏的还来找我.
     */
    target: SlotSchema.optional(),
    note: z.string().optional(),
  })
  .strict();
export type Frame = z.infer<typeof FrameSchema>;

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z]{2}\.[a-z0-9_.-]+$/, 'rule ids look like zh.contact.wechat'),
    version: z.number().int().positive(),
    category: FlagCategorySchema,
    severity: SeveritySchema,
    /** Who can violate it: e.g. only the merchant solicits off-platform payment; abuse is either. */
    speakers: z.array(SpeakerRoleSchema).min(1),
    /** Regexes over the normalised line (the older form, kept while rules migrate to frames). */
    patterns: z.array(PatternSchema).default([]),
    /** Frames over the language layer's classes and clause marks. */
    frames: z.array(FrameSchema).default([]),
    exclusions: z.array(ExclusionSchema).default([]),
    /**
     * Intent that spans lines: the match only counts when one of `patterns` matched in one of the
     * `lines` lines before, said by the same speaker, the other one, or either.
     */
    previous: z
      .object({
        patterns: z.array(PatternSchema).min(1),
        speaker: z.enum(['same', 'other', 'any']),
        lines: z.number().int().min(1).max(3).default(1),
      })
      .strict()
      .optional(),
    /** Insults stay insults when negated ("别装傻逼"), so some rules switch these off. */
    negation: z.boolean().default(true),
    /**
     * The match must be one token as said: it may not join a Latin word of two or more letters to
     * its neighbour across a space ("you a 10 dollar" is not the id "youa10dollar"). For ids and
     * handles; evasions spaced letter by letter ("a b c 8 8 9 9") still match.
     */
    token: z.boolean().default(false),
    reporting: z.boolean().default(true),
    confidence: z.number().min(0).max(1),
    /** Shown to the merchant in the statement of reasons. */
    ground: z.string().min(1),
  })
  .strict()
  .refine((r) => r.patterns.length + r.frames.length > 0, { message: 'a rule needs patterns or frames' });
export type Rule = z.infer<typeof RuleSchema>;

export const RuleFileSchema = z
  .object({
    language: z.enum(['zh', 'en']),
    /** Variant spellings, homophones and evasions of one term, e.g. 微信/薇信/vx/v❤. */
    lexicon: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)).default({}),
    context: z
      .object({
        /** Cues that negate a match when they follow it in the same clause ("…是违规的"). */
        negationAfter: z.array(PatternSchema),
        /** Cues that the speaker reports or warns about someone else's words ("骗子", "scam"). */
        reporting: z.array(PatternSchema),
        /**
         * The speaker's own accusations ("report you for fraud", "举报你诈骗"): reporting cues
         * inside them are the speaker's words about the other party, not a warning about a third
         * party, so they do not veto.
         */
        accusation: z.array(PatternSchema).default([]),
        /**
         * Openers that change the subject ("对了", "by the way"): a line starting with one does not
         * inherit the reporting cues of the speaker's line before (a scam warning about QR codes
         * says nothing about the next request).
         */
        topicShift: z.array(PatternSchema).default([]),
        /**
         * How far (characters) before a match the cue of a negation (found by the language
         * layer, pipelines/language) may end and still govern it.
         */
        negationWindow: z.number().int().positive(),
        afterWindow: z.number().int().positive(),
      })
      .strict(),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();
export type RuleFile = z.infer<typeof RuleFileSchema>;
