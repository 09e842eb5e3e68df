import type { LayerVerdict, RefundOption } from '../../core/analysis.js';
import { CATEGORY_LABELS, type LabelPair, SEVERITY_LABELS } from '../../core/labels.js';
import type { Language, OrderStatus, PromiseAction, UserRole } from '../../core/domain.js';
import type { ApprovalKind } from '../../core/approvals.js';
import type { AuditAction, AuditActorKind, AuditEntity } from '../../core/audit.js';
import type { ErrorCode } from '../../core/errors.js';
import type { DueSource, OrderEventType, PromiseStatus } from '../../core/order-events.js';
import type { DecisionState, PenaltyKind, PenaltyState, ReasonCode } from '../../core/moderation.js';

type Pair = LabelPair;

/**
 * The label catalogue: every code a person may meet, in Chinese and English. Each table is typed
 * by the code's own type from core/, so a new category, reason or error code without a label is
 * a type error; a code that still slips through (an old row) shows as itself and the browser
 * tests' raw-code scan fails.
 */
export const CATALOGUE = {
  category: CATEGORY_LABELS,
  severity: SEVERITY_LABELS,
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
    superseded: ['已被新承诺取代', 'Replaced by a later promise'],
    overdue: ['已逾期', 'Overdue'],
  } satisfies Record<PromiseStatus | 'overdue', Pair>,
  dueSource: {
    said: ['按通话中所说', 'as said on the call'],
    platform_default: ['未说时限，按平台默认', 'no time said: platform default'],
  } satisfies Record<DueSource, Pair>,
  orderEvent: {
    refunded: ['已退款', 'Refunded'],
    shipped: ['已发货', 'Shipped'],
    delivered: ['已签收', 'Delivered'],
    cancelled: ['订单已取消', 'Order cancelled'],
    compensated: ['已补偿', 'Compensated'],
    callback_made: ['已回电', 'Called back'],
    visit_done: ['已上门', 'Visit done'],
  } satisfies Record<OrderEventType, Pair>,
  layer: {
    rule: ['规则匹配', 'Rule match'],
    semantic: ['语义比对', 'Semantic match'],
    llm: ['大模型复核', 'LLM review'],
  } satisfies Record<LayerVerdict['layer'], Pair>,
  verdict: {
    candidate: ['命中', 'Matched'],
    confirmed: ['确认', 'Confirmed'],
    rejected: ['否决', 'Rejected'],
    abstained: ['未判定', 'No opinion'],
  } satisfies Record<LayerVerdict['verdict'], Pair>,
  /**
   * What a layer's score measures — each layer's means something else, and a bare "确认（37%）"
   * reads as a confirmation at 37 % confidence. The rule layer's is the trained model's likelihood
   * that the words are a violation (a hand-written rule's is the number written in the rule, and
   * the case page names it so: decision 0635); the semantic layer's is how near the line
   * is to the category's example violations; the LLM's is its confidence in its own verdict.
   */
  layerScore: {
    rule: ['模型估计的违规可能性', "the model's likelihood of a violation"],
    semantic: ['与违规例句的相似度', 'similarity to example violations'],
    llm: ['对这一判定的把握', 'confidence in this verdict'],
  } satisfies Record<LayerVerdict['layer'], Pair>,
  detector: {
    rules: ['规则匹配', 'rule match'],
    semantic: ['语义比对', 'semantic match'],
    learned: ['训练模型补漏', 'trained recall model'],
    llm: ['大模型复核', 'LLM review'],
    'promise-ledger': ['承诺与平台订单记录核对', 'promise checked against order events'],
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
    PROMISE_NOT_KEPT: ['承诺未按时兑现', 'Promise not kept in time'],
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
    'statement.exported': ['导出处理理由说明', 'Statement exported'],
    'penalty.applied': ['执行处罚', 'Penalty applied'],
    'penalty.reversed': ['撤销处罚', 'Penalty reversed'],
    'penalty.recomputed': ['重算处罚', 'Penalty recomputed'],
    'appeal.filed': ['提交申诉', 'Appeal filed'],
    'appeal.claimed': ['认领申诉', 'Appeal claimed'],
    'appeal.decided': ['裁决申诉', 'Appeal decided'],
    'rule_policy.changed': ['更改规则判定方式', 'Rule policy changed'],
    'user.created': ['创建用户', 'User created'],
    'user.updated': ['修改用户', 'User updated'],
    'user.locked': ['账号因多次登录失败被锁定', 'Account locked after failed sign-ins'],
    'user.unlocked': ['解除账号锁定', 'Account unlocked'],
    'user.password_changed': ['修改密码', 'Password changed'],
    'user.password_reset': ['管理员重置密码', 'Password reset by an admin'],
    'session.signed_in': ['登录', 'Signed in'],
    'session.sign_in_failed': ['登录失败', 'Sign-in failed'],
    'session.signed_out': ['退出登录', 'Signed out'],
    'session.revoked': ['结束登录会话', 'Session ended'],
    'approval.requested': ['申请批准', 'Approval requested'],
    'approval.approved': ['批准申请', 'Request approved'],
    'approval.rejected': ['拒绝申请', 'Request refused'],
    'promise.kept': ['承诺已兑现', 'Promise kept'],
    'promise.broken': ['承诺未兑现（逾期）', 'Promise broken (overdue)'],
    'promise.cancelled': ['承诺已取消', 'Promise cancelled'],
    'promise.superseded': ['承诺被新承诺取代', 'Promise superseded'],
    'promise.proof_added': ['商家上传兑现凭证', 'Proof added to a promise'],
    'audio.deleted': ['删除通话录音（保存期满）', 'Call audio deleted (retention)'],
    'merchant_data.read': ['审核人员查看商家数据', 'Reviewer read merchant data'],
    'decisions.row_updated': ['数据库：记录决定的变更', 'Database: decision change recorded'],
    'decisions.row_deleted': ['数据库：决定记录被删除', 'Database: decision row deleted'],
    'penalties.row_updated': ['数据库：记录处罚的变更', 'Database: penalty change recorded'],
    'penalties.row_deleted': ['数据库：处罚记录被删除', 'Database: penalty row deleted'],
    'appeals.row_updated': ['数据库：记录申诉的变更', 'Database: appeal change recorded'],
    'appeals.row_deleted': ['数据库：申诉记录被删除', 'Database: appeal row deleted'],
    'flags.row_updated': ['数据库：记录标记的变更', 'Database: flag change recorded'],
    'flags.row_deleted': ['数据库：标记记录被删除', 'Database: flag row deleted'],
    'suggestion.provisional': ['机器人发出初步建议', 'Bot sent an early suggestion'],
    'suggestion.confirmed': ['初步建议已确认', 'Early suggestion confirmed'],
    'suggestion.withdrawn': ['初步建议已撤回', 'Early suggestion withdrawn'],
  } satisfies Record<AuditAction, Pair>,
  auditEntity: {
    case: ['案件', 'Case'],
    decision: ['决定', 'Decision'],
    penalty: ['处罚', 'Penalty'],
    appeal: ['申诉', 'Appeal'],
    flag: ['违规标记', 'Flag'],
    rule_policy: ['规则判定方式', 'Rule policy'],
    user: ['用户', 'User'],
    account: ['未知账号', 'Unknown account'],
    approval: ['审批申请', 'Approval request'],
    promise: ['承诺', 'Promise'],
    call: ['通话', 'Call'],
    export: ['数据导出', 'Data export'],
    decisions: ['决定记录', 'Decision row'],
    penalties: ['处罚记录', 'Penalty row'],
    appeals: ['申诉记录', 'Appeal row'],
    flags: ['标记记录', 'Flag row'],
    suggestion: ['回复建议', 'Reply suggestion'],
  } satisfies Record<AuditEntity, Pair>,
  auditActor: {
    user: ['用户', 'User'],
    system: ['系统', 'System'],
    database: ['数据库', 'Database'],
  } satisfies Record<AuditActorKind, Pair>,
  approvalKind: {
    'user.create': ['新建审核员或管理员账号', 'New moderator or admin account'],
    'user.role': ['授予审核角色', 'Grant a reviewer role'],
    'rule.auto': ['规则改为自动决定', 'Switch a rule to automatic decisions'],
  } satisfies Record<ApprovalKind, Pair>,
  /** The CSV files `GET /api/export/*` writes, as the audit log names a reviewer's export. */
  exportFile: {
    'calls.csv': ['通话与笔记（CSV）', 'Calls & notes (CSV)'],
    'flags.csv': ['违规标记（CSV）', 'Flags (CSV)'],
    'decisions.csv': ['处理决定（CSV）', 'Decisions (CSV)'],
  } satisfies Record<'calls.csv' | 'flags.csv' | 'decisions.csv', Pair>,
  /** The columns of the CSV exports, as their header row names them in the reader's language. */
  exportColumn: {
    callId: ['通话编号', 'Call ID'],
    caseId: ['案件编号', 'Case ID'],
    flagId: ['标记编号', 'Flag ID'],
    decisionId: ['决定编号', 'Decision ID'],
    merchant: ['商家', 'Merchant'],
    buyerId: ['买家账号', 'Buyer account'],
    buyerName: ['买家', 'Buyer'],
    orders: ['订单号', 'Order numbers'],
    language: ['通话语言', 'Call language'],
    status: ['状态', 'Status'],
    startedAt: ['开始时间', 'Started'],
    endedAt: ['结束时间', 'Ended'],
    summary: ['摘要', 'Summary'],
    category: ['类别', 'Category'],
    severity: ['严重度', 'Severity'],
    rule: ['规则', 'Rule'],
    ruleVersion: ['规则版本', 'Rule version'],
    detector: ['识别方式', 'Detected by'],
    confidence: ['综合分', 'Combined score'],
    evidence: ['证据原话', 'Evidence (as said)'],
    flaggedAt: ['标记时间', 'Flagged'],
    outcome: ['处理结果', 'Outcome'],
    state: ['当前状态', 'Current state'],
    reason: ['理由', 'Reason'],
    explanation: ['说明', 'Explanation'],
    automated: ['决定方式', 'Decided by'],
    decidedAt: ['决定时间', 'Decided'],
    overturnedAt: ['撤销时间', 'Overturned'],
  } satisfies Record<string, Pair>,
  /** Who made a decision (`decisions.automated_decision`), as the decisions export says it. */
  automatedDecision: {
    fully: ['规则自动决定', 'Automatically, by the rule'],
    partially: ['人工确认规则建议', "A moderator, on the rule's proposal"],
    not: ['人工审核', 'A moderator'],
  } satisfies Record<'fully' | 'partially' | 'not', Pair>,
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
    NOT_FOUND: ['未找到，或无权查看：请从列表中重新打开。', 'Not found, or not yours: open it again from its list.'],
    LLM_FAILED: ['大模型服务暂时不可用。', 'The language model is unavailable.'],
    PROMPT_INVALID: ['提示词模板有误。', 'A prompt template is broken.'],
    STT_UNAVAILABLE: ['语音识别不可用。', 'Speech recognition is unavailable.'],
    STT_FAILED: ['语音识别失败。', 'Speech recognition failed.'],
    DECODER_UNAVAILABLE: [
      '无法解码这段录音，请依据文字记录判断。',
      'This recording cannot be decoded; judge from the transcript.',
    ],
    AUDIO_CHECKSUM_MISMATCH: [
      '这段录音与存档校验值不符，已停止播放。',
      'This recording does not match its stored checksum; playback stopped.',
    ],
    AUDIO_STORE_FAILED: ['通话录音未能完整保存。', 'The call audio could not be stored in full.'],
    RANGE_NOT_SATISFIABLE: ['请求的录音片段超出范围。', 'The requested part of the recording is out of range.'],
    UNAUTHENTICATED: ['邮箱或密码不正确，或登录已过期。', 'Wrong email or password, or your session ended.'],
    FORBIDDEN: [
      '您的角色不能执行此操作；如确需要，请联系管理员。',
      'Your role may not do this; ask an admin if you need it done.',
    ],
    CSRF_INVALID: ['页面已过期，请刷新后重试。', 'This page is stale; reload and try again.'],
    SIGNATURE_INVALID: ['平台回调签名无效。', 'The platform callback signature is invalid.'],
    WEBHOOK_DISABLED: ['平台订单回调未开启。', 'The platform order webhook is not enabled.'],
    CONFLICT: [
      '已被其他审核员处理或已有结果，请刷新后选择其他项。',
      'Someone else holds this or it is already done; reload and pick another.',
    ],
    CLAIM_EXPIRED: ['您的认领已过期，请重新认领。', 'Your claim expired; claim it again.'],
    APPEAL_WINDOW_CLOSED: ['申诉期已过。', 'The appeal window has closed.'],
    PAYLOAD_TOO_LARGE: ['提交的内容太大，请删减后再试。', 'What you sent is too large; shorten it and try again.'],
    RATE_LIMITED: ['操作太频繁，请稍等片刻再试。', 'Too many attempts; wait a moment and try again.'],
    ACCOUNT_LOCKED: [
      '登录失败次数过多，账号已锁定，请联系管理员解锁。',
      'Too many failed sign-ins; this account is locked until an admin unlocks it.',
    ],
    DUTY_SEPARATION: [
      '职责分离：这项操作须由另一位与此事无关的管理员或审核员完成。',
      'Separation of duties: someone with no part in this must do it.',
    ],
    PASSWORD_WRONG: ['当前密码不正确。', 'The current password is wrong.'],
    INTERNAL: ['服务器出错了，请稍后再试。', 'Something went wrong on our side; try again.'],
    /** The request never reached the server (offline, server stopped): the client's own code. */
    NETWORK: ['连不上服务器：请检查网络连接后再试。', "Can't reach the server: check your connection and try again."],
  } satisfies Record<ErrorCode | 'INTERNAL' | 'NETWORK', Pair>,
} as const;

export type LabelKind = keyof typeof CATALOGUE;

/**
 * A code as a person reads it in `lang`, for the server's files as for the pages (`useLabel`). A
 * code the catalogue lacks is returned as itself, so the browser tests' raw-code scan sees it;
 * detectors are joined from their parts ("rules+semantic:bge" reads "规则匹配 + 语义比对").
 */
export function labelText(kind: LabelKind, code: string | null | undefined, lang: 'zh' | 'en'): string {
  if (code === null || code === undefined || code === '') return '—';
  const table = CATALOGUE[kind] as Record<string, Pair>;
  const i = lang === 'zh' ? 0 : 1;
  if (kind === 'detector')
    return code
      .split('+')
      .map((part) => table[part.split(':')[0]!]?.[i] ?? part)
      .join(' + ');
  return table[code]?.[i] ?? code;
}
