import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

/** Every UI string in both languages; a missing key is a type error, not a blank label. */
const STRINGS = {
  appName: ['Kefu 客服', 'Kefu'],
  signIn: ['登录', 'Sign in'], signOut: ['退出', 'Sign out'], email: ['邮箱', 'Email'], password: ['密码', 'Password'],
  demoUsers: ['演示账号（密码 kefu-demo）', 'Demo users (password kefu-demo)'],
  language: ['语言', 'Language'], switchLang: ['English', '中文'],
  navLive: ['实时通话', 'Live call'], navCalls: ['通话与笔记', 'Calls & notes'], navFlags: ['违规与申诉', 'Flags & appeals'],
  navQueue: ['审核队列', 'Case queue'], navAppeals: ['申诉队列', 'Appeals'], navAdmin: ['规则与统计', 'Rules & stats'],
  loading: ['加载中…', 'Loading…'], notFound: ['未找到，或无权查看。', 'Not found, or not yours.'], error: ['出错了', 'Something went wrong'],
  waiting: ['等待通话中…新通话开始时会自动出现。', 'Waiting for a call… a new call appears here as it starts.'],
  live: ['直播中', 'Live'], ended: ['已结束', 'Ended'], connected: ['实时连接', 'Live updates on'], reconnecting: ['重新连接中…', 'Reconnecting…'],
  transcript: ['通话记录', 'Transcript'], merchant: ['商家', 'Merchant'], customer: ['顾客', 'Customer'], agent: ['助手', 'Agent'],
  suggestions: ['推荐回复', 'Reply suggestions'], noSuggestions: ['顾客说话后会出现推荐回复。', 'Suggestions appear after the customer speaks.'],
  copy: ['复制', 'Copy'], copied: ['已复制', 'Copied'], markUsed: ['标记已用', 'Mark used'], used: ['已使用', 'Used'],
  refundOptions: ['退款方案', 'Refund options'], recommended: ['推荐', 'Recommended'], policy: ['依据政策', 'Policy'],
  notes: ['笔记', 'Notes'], orderNumbers: ['订单号', 'Order numbers'], amounts: ['金额', 'Amounts'], products: ['商品', 'Products'],
  promises: ['承诺', 'Promises'], deadline: ['截止', 'Due'], conditional: ['有条件', 'conditional'], noDeadline: ['未定', 'no date'],
  coaching: ['合规提醒', 'Coaching'], unmatched: ['未匹配订单', 'not a known order'],
  otherCalls: ['其他进行中的通话', 'Other calls in progress'],
  pastCalls: ['历史通话', 'Past calls'], summary: ['摘要', 'Summary'], startedAt: ['开始时间', 'Started'], status: ['状态', 'Status'],
  flagsCount: ['违规标记', 'Flags'], open: ['查看', 'Open'], ledger: ['承诺台账', 'Promise ledger'],
  pOpen: ['待兑现', 'open'], pKept: ['已兑现', 'kept'], pOverdue: ['已逾期', 'overdue'], pBroken: ['未兑现', 'broken'], pCancelled: ['已取消', 'cancelled'],
  action: ['事项', 'Action'], words: ['原话', 'Words'], noRows: ['暂无。', 'Nothing yet.'],
  flagsAgainst: ['针对本店的违规标记', 'Flags against your shop'], evidence: ['证据', 'Evidence'], rule: ['规则', 'Rule'],
  category: ['类别', 'Category'], severity: ['严重度', 'Severity'], decision: ['处理结果', 'Decision'], pending: ['待审核', 'Awaiting review'],
  upheld: ['维持', 'Upheld'], dismissed: ['驳回', 'Dismissed'], statement: ['处理理由说明', 'Statement of reasons'],
  automatedDetection: ['自动检测', 'Automated detection'], automatedDecision: ['自动决定', 'Automated decision'],
  decidedBy: ['决定方式', 'Decided by'], human: ['人工审核', 'a human moderator'], machine: ['系统自动', 'the system'],
  penalty: ['处罚', 'Penalty'], none: ['无', 'none'], until: ['至', 'until'], appealUntil: ['可申诉至', 'Appeal until'],
  reason: ['理由', 'Reason'], ground: ['依据', 'Ground'],
  appeal: ['申诉', 'Appeal'], fileAppeal: ['提交申诉', 'File an appeal'], appealStatement: ['申诉说明', 'Your statement'],
  attachmentName: ['附件名称（可选）', 'Attachment name (optional)'], attachmentText: ['附件内容（可选）', 'Attachment text (optional)'],
  appealFiled: ['申诉已提交，免费，由另一位审核员处理。', 'Appeal filed: free, and reviewed by a different moderator.'],
  appealStatus: ['申诉状态', 'Appeal status'], outcome: ['结果', 'Outcome'], sla: ['时限', 'SLA'], overdue: ['已超时', 'overdue'],
  aOpen: ['待处理', 'open'], aClaimed: ['处理中', 'in review'], aDecided: ['已裁决', 'decided'], aWithdrawn: ['已撤回', 'withdrawn'],
  oUpheld: ['维持原决定', 'decision upheld'], oOverturnedFully: ['完全撤销', 'overturned'], oOverturnedPartly: ['部分撤销', 'partly overturned'],
  filters: ['筛选', 'Filters'], any: ['全部', 'any'], lang: ['语言', 'Language'], apply: ['应用', 'Apply'],
  slaOverdue: ['已超时', 'overdue'], slaDueSoon: ['即将超时', 'due soon'], slaOnTime: ['未超时', 'on time'],
  claim: ['认领', 'Claim'], claimed: ['已认领', 'Claimed'], release: ['释放', 'Release'], due: ['到期', 'Due'], flags: ['标记', 'Flags'],
  caseTitle: ['审核案件', 'Case'], verdicts: ['各层判定', 'Detector verdicts'], confidence: ['置信度', 'confidence'],
  audioAt: ['音频位置', 'Audio at'], noAudio: ['本通话未存储音频', 'no audio stored for this call'], play: ['从此处播放', 'Play from here'],
  decide: ['提交决定', 'Submit decision'], reasonCode: ['理由代码', 'Reason code'], reasonText: ['说明', 'Explanation'],
  penaltyLadder: ['按处罚阶梯', 'From the ladder'], decided: ['已决定', 'Decided'], claimFirst: ['先认领再决定。', 'Claim the case to decide it.'],
  appealView: ['申诉审核', 'Appeal review'], originalDecision: ['原决定', 'Original decision'], merchantStatement: ['商家陈述', 'Merchant statement'],
  attachments: ['附件', 'Attachments'], outcomeText: ['裁决理由', 'Reasons for the outcome'], decideAppeal: ['提交裁决', 'Decide appeal'],
  ownDecision: ['这是您做出的决定，须由其他审核员处理。', 'You made this decision; another moderator must review it.'],
  rules: ['规则', 'Rules'], judgment: ['判定方式', 'Judgment'], auto: ['自动', 'auto'], review: ['人工', 'review'],
  decisions: ['决定数', 'Decisions'], overturnRate: ['撤销率', 'Overturn rate'], autoOverturn: ['自动决定撤销率', 'Automated overturn rate'],
  change: ['更改', 'Change'], chartTitle: ['近30天违规标记与撤销', 'Flags and overturns, last 30 days'],
  chartFlags: ['标记', 'flags'], chartUpheld: ['维持', 'upheld'], chartOverturned: ['撤销', 'overturned'],
  save: ['保存', 'Save'], back: ['返回', 'Back'], call: ['通话', 'Call'],
} satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>('zh');

export function useT(): (key: StringKey) => string {
  const lang = useContext(LangContext);
  return (key) => STRINGS[key][lang === 'zh' ? 0 : 1];
}

export function initialLang(userLocale?: string): Lang {
  const saved = localStorage.getItem('kefu.lang');
  if (saved === 'zh' || saved === 'en') return saved;
  return (userLocale ?? navigator.language).toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function formatTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function formatDate(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
