import type { LayerVerdict, RefundOption } from '../../core/analysis.js';
import type { FlagCategory, Language, OrderStatus, PromiseAction, Severity, UserRole } from '../../core/domain.js';
import type { ErrorCode } from '../../core/errors.js';
import type { DecisionState, PenaltyKind, PenaltyState, ReasonCode } from '../../core/moderation.js';

type Pair = readonly [zh: string, en: string];

/**
 * The label catalogue: every code a person may meet, in Chinese and English. Each table is typed
 * by the code's own type from core/, so a new category, reason or error code without a label is
 * a type error; a code that still slips through (an old row) shows as itself and the browser
 * tests' raw-code scan fails.
 */
export const CATALOGUE = {
  category: {
    off_platform_payment: ['引导站外付款', 'Off-platform payment'],
    contact_exchange: ['索要站外联系方式', 'Off-platform contact'],
    review_manipulation: ['操纵评价', 'Review manipulation'],
    abuse: ['辱骂威胁', 'Abuse'],
    privacy_request: ['索要个人信息', 'Personal-data request'],
    prohibited_claim: ['违规宣传', 'Prohibited claim'],
    refund_obstruction: ['阻挠退款', 'Refund obstruction'],
  } satisfies Record<FlagCategory, Pair>,
  severity: {
    low: ['低', 'Low'],
    medium: ['中', 'Medium'],
    high: ['高', 'High'],
    critical: ['严重', 'Critical'],
  } satisfies Record<Severity, Pair>,
  refundKind: {
    return_refund: ['退货退款', 'Return and refund'],
    refund_only: ['仅退款', 'Refund only'],
    partial_refund: ['部分退款', 'Partial refund'],
    replacement: ['换货', 'Replacement'],
    coupon: ['优惠券补偿', 'Coupon'],
    reship: ['补发', 'Reship'],
  } satisfies Record<RefundOption['kind'], Pair>,
  // escalate and follow_up come with the text engine's promise work; labelled ahead of it.
  promiseAction: {
    refund: ['退款', 'Refund'],
    ship: ['发货', 'Ship'],
    callback: ['回电', 'Call back'],
    visit: ['上门', 'Visit'],
    compensate: ['补偿', 'Compensate'],
    escalate: ['上报处理', 'Escalate'],
    follow_up: ['跟进', 'Follow up'],
    other: ['其他', 'Other'],
  } satisfies Record<PromiseAction | 'escalate' | 'follow_up', Pair>,
  promiseStatus: {
    open: ['待兑现', 'Open'],
    kept: ['已兑现', 'Kept'],
    broken: ['未兑现', 'Broken'],
    cancelled: ['已取消', 'Cancelled'],
    overdue: ['已逾期', 'Overdue'],
  } satisfies Record<'open' | 'kept' | 'broken' | 'cancelled' | 'overdue', Pair>,
  layer: {
    rule: ['规则', 'Rules'],
    semantic: ['语义比对', 'Semantic match'],
    llm: ['大模型复核', 'LLM review'],
  } satisfies Record<LayerVerdict['layer'], Pair>,
  verdict: {
    candidate: ['命中', 'Matched'],
    confirmed: ['确认', 'Confirmed'],
    rejected: ['否决', 'Rejected'],
    abstained: ['未判定', 'No opinion'],
  } satisfies Record<LayerVerdict['verdict'], Pair>,
  detector: {
    rules: ['规则匹配', 'rule match'],
    semantic: ['语义比对', 'semantic match'],
    llm: ['大模型复核', 'LLM review'],
  } satisfies Record<string, Pair>,
  penaltyKind: {
    warning: ['警告', 'Warning'],
    points: ['扣分', 'Penalty points'],
    listing_restriction: ['限制商品展示', 'Listing restriction'],
    suspension: ['暂停店铺', 'Shop suspension'],
  } satisfies Record<PenaltyKind, Pair>,
  penaltyState: {
    in_force: ['生效中', 'In force'],
    expired: ['已到期', 'Expired'],
    reversed: ['已撤销', 'Reversed'],
    replaced: ['已减轻（被替换）', 'Lightened (replaced)'],
  } satisfies Record<PenaltyState, Pair>,
  decisionState: {
    upheld: ['违规成立', 'Upheld'],
    dismissed: ['不构成违规', 'Dismissed'],
    under_appeal: ['违规成立 · 申诉中', 'Upheld · under appeal'],
    appeal_rejected: ['违规成立 · 申诉未获支持', 'Upheld · appeal rejected'],
    overturned: ['已撤销（申诉成功）', 'Overturned on appeal'],
    partly_overturned: ['部分撤销（处罚已减轻）', 'Partly overturned (penalty lightened)'],
  } satisfies Record<DecisionState, Pair>,
  outcome: {
    upheld: ['违规成立', 'Violation'],
    dismissed: ['不构成违规', 'No violation'],
  } satisfies Record<'upheld' | 'dismissed', Pair>,
  reason: {
    CONTACT_OFF_PLATFORM: ['引导站外联系', 'Steered to off-platform contact'],
    OFF_PLATFORM_PAYMENT: ['引导站外付款或退款', 'Steered to off-platform payment'],
    REVIEW_MANIPULATION: ['以好处换取评价', 'Traded favours for reviews'],
    ABUSIVE_LANGUAGE: ['辱骂或威胁买家', 'Insulted or threatened the buyer'],
    PRIVACY_REQUEST: ['索要无关个人信息', 'Asked for personal data not needed'],
    PROHIBITED_CLAIM: ['虚假或违禁宣传', 'False or prohibited claim'],
    REFUND_OBSTRUCTION: ['拒绝或阻挠退款', 'Refused or obstructed a refund'],
    FALSE_POSITIVE: ['误报：原话并非此意', 'False positive: the words do not say this'],
    BENIGN_CONTEXT: ['语境无害（否定、引述、提醒）', 'Harmless context (negated, quoted, a warning)'],
    SAID_BY_CUSTOMER: ['由顾客说出，非商家', 'Said by the customer, not the merchant'],
    INSUFFICIENT_EVIDENCE: ['证据不足', 'Not enough evidence'],
    AUTO_RULE_MATCH: ['规则自动判定', 'Decided automatically by the rule'],
  } satisfies Record<ReasonCode, Pair>,
  appealStatus: {
    open: ['待处理', 'Open'],
    claimed: ['处理中', 'In review'],
    decided: ['已裁决', 'Decided'],
    withdrawn: ['已撤回', 'Withdrawn'],
  } satisfies Record<'open' | 'claimed' | 'decided' | 'withdrawn', Pair>,
  appealOutcome: {
    upheld: ['维持原决定', 'Decision upheld'],
    overturned_fully: ['完全撤销', 'Fully overturned'],
    overturned_partly: ['部分撤销', 'Partly overturned'],
  } satisfies Record<'upheld' | 'overturned_fully' | 'overturned_partly', Pair>,
  caseStatus: {
    open: ['待认领', 'Waiting'],
    claimed: ['审核中', 'In review'],
    decided: ['已决定', 'Decided'],
    closed: ['已关闭', 'Closed'],
  } satisfies Record<'open' | 'claimed' | 'decided' | 'closed', Pair>,
  callStatus: {
    active: ['进行中', 'Live'],
    ended: ['已结束', 'Ended'],
  } satisfies Record<'active' | 'ended', Pair>,
  language: {
    zh: ['中文', 'Chinese'],
    en: ['英文', 'English'],
    mixed: ['中英混合', 'Mixed'],
  } satisfies Record<Language, Pair>,
  role: {
    merchant_staff: ['商家客服', 'Merchant staff'],
    moderator: ['审核员', 'Moderator'],
    admin: ['管理员', 'Admin'],
  } satisfies Record<UserRole, Pair>,
  judgment: {
    auto: ['自动决定', 'Automatic'],
    review: ['人工审核', 'Human review'],
  } satisfies Record<'auto' | 'review', Pair>,
  orderStatus: {
    pending: ['待付款', 'Pending'],
    paid: ['已付款', 'Paid'],
    shipped: ['已发货', 'Shipped'],
    delivered: ['已签收', 'Delivered'],
    completed: ['已完成', 'Completed'],
    refunding: ['退款中', 'Refunding'],
    refunded: ['已退款', 'Refunded'],
    cancelled: ['已取消', 'Cancelled'],
  } satisfies Record<OrderStatus, Pair>,
  auditAction: {
    'flag.raised': ['标记违规', 'Flag raised'],
    'case.opened': ['开立案件', 'Case opened'],
    'case.updated': ['案件新增标记', 'Case updated'],
    'case.claimed': ['认领案件', 'Case claimed'],
    'case.released': ['释放案件', 'Case released'],
    'case.decided': ['案件已决定', 'Case decided'],
    'decision.made': ['作出决定', 'Decision made'],
    'decision.overturned': ['决定被撤销', 'Decision overturned'],
    'penalty.applied': ['执行处罚', 'Penalty applied'],
    'penalty.reversed': ['撤销处罚', 'Penalty reversed'],
    'penalty.recomputed': ['重算处罚', 'Penalty recomputed'],
    'appeal.filed': ['提交申诉', 'Appeal filed'],
    'appeal.claimed': ['认领申诉', 'Appeal claimed'],
    'appeal.decided': ['裁决申诉', 'Appeal decided'],
    'rule_policy.changed': ['更改规则判定方式', 'Rule policy changed'],
    'user.created': ['创建用户', 'User created'],
    'user.updated': ['修改用户', 'User updated'],
    'audio.deleted': ['删除通话录音（保存期满）', 'Call audio deleted (retention)'],
  } satisfies Record<string, Pair>,
  auditEntity: {
    case: ['案件', 'Case'],
    decision: ['决定', 'Decision'],
    penalty: ['处罚', 'Penalty'],
    appeal: ['申诉', 'Appeal'],
    flag: ['违规标记', 'Flag'],
    rule_policy: ['规则判定方式', 'Rule policy'],
    user: ['用户', 'User'],
    call: ['通话', 'Call'],
  } satisfies Record<string, Pair>,
  error: {
    CONFIG_INVALID: ['服务器配置有误。', 'The server is misconfigured.'],
    USAGE: ['用法有误。', 'Wrong usage.'],
    DB_CONNECT_FAILED: ['数据库暂时不可用，请稍后再试。', 'The database is unavailable; try again shortly.'],
    DB_IN_USE: ['另一个 Kefu 进程正在使用这个数据目录。', 'Another Kefu process is using this data folder.'],
    MIGRATION_FAILED: ['数据库升级失败。', 'A database migration failed.'],
    MIGRATION_CHANGED: ['数据库升级文件被改动。', 'A database migration was changed.'],
    INPUT_INVALID: [
      '填写的内容不完整或有误，请检查后再提交。',
      'Something you entered is missing or wrong; check and try again.',
    ],
    NOT_FOUND: ['未找到，或无权查看。', 'Not found, or not yours.'],
    LLM_FAILED: ['大模型服务暂时不可用。', 'The language model is unavailable.'],
    PROMPT_INVALID: ['提示词模板有误。', 'A prompt template is broken.'],
    STT_UNAVAILABLE: ['语音识别不可用。', 'Speech recognition is unavailable.'],
    STT_FAILED: ['语音识别失败。', 'Speech recognition failed.'],
    DECODER_UNAVAILABLE: ['无法解码这段录音。', 'This recording cannot be decoded.'],
    AUDIO_CHECKSUM_MISMATCH: [
      '这段录音与存档校验值不符，已停止播放。',
      'This recording does not match its stored checksum; playback stopped.',
    ],
    AUDIO_STORE_FAILED: ['通话录音未能完整保存。', 'The call audio could not be stored in full.'],
    RANGE_NOT_SATISFIABLE: ['请求的录音片段超出范围。', 'The requested part of the recording is out of range.'],
    UNAUTHENTICATED: ['邮箱或密码不正确，或登录已过期。', 'Wrong email or password, or your session ended.'],
    FORBIDDEN: [
      '您的角色不能执行此操作；自己做出的决定须由其他审核员复核。',
      'Your role may not do this; a decision you made is reviewed by someone else.',
    ],
    CSRF_INVALID: ['页面已过期，请刷新后重试。', 'This page is stale; reload and try again.'],
    CONFLICT: [
      '已被其他审核员处理或已有结果，请刷新后选择其他项。',
      'Someone else holds this or it is already done; reload and pick another.',
    ],
    CLAIM_EXPIRED: ['您的认领已过期，请重新认领。', 'Your claim expired; claim it again.'],
    APPEAL_WINDOW_CLOSED: ['申诉期已过。', 'The appeal window has closed.'],
    INTERNAL: ['服务器出错了，请稍后再试。', 'Something went wrong on our side; try again.'],
  } satisfies Record<ErrorCode | 'INTERNAL', Pair>,
} as const;

export type LabelKind = keyof typeof CATALOGUE;
