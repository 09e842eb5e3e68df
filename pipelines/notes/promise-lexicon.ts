/**
 * Wording that makes, or unmakes, a promise. Data only: promises.ts decides with it. Chinese
 * entries carry no word boundaries; English ones are wrapped in \b…\b by `words`.
 */
import type { PromiseAction } from '../../core/domain.js';

const words = (zh: string, en: string): RegExp => new RegExp(`${zh}|\\b(?:${en})\\b`, 'i');

/** Checked in this order; a clause keeps the first action found ("收到货后给您退款" is a refund). */
export const ACTIONS: readonly [PromiseAction, RegExp][] = [
  [
    'compensate',
    words(
      '优惠券|代金券|无门槛|红包|券|补上|补给[您你]|返[0-9一二两三四五六七八九十百]+(?:块|元)?|补偿|赔偿|赔付|赔[您你]|补[0-9一二两三四五六七八九十百]+[元块]|赠品|送[您你]|小礼物|礼品|积分|返现|补贴|多送|额外送',
      'coupons?|vouchers?|as\\s+a\\s+thank[-\\s]?you|(?:send|give|pay)\\s+(?:you\\s+)?(?:\\$?\\d+|\\w+)\\s+(?:dollars?|bucks?)(?!\\s+back)|store\\s+credit|credit\\s+(?:of|for|to\\s+your\\s+account)|gift(?:\\s+card)?s?|freebies?|compensat\\w*|discount|bonus|points',
    ),
  ],
  [
    'refund',
    words(
      '退款|退钱|退还|返还|原路|款项|退差价|差价|退运费|全额退|部分退|退一半|退货|退(?:给)?[您你](?!们)|给[您你]退|退[0-9一二两三四五六七八九十百]+[元块]|到账|打款|转(?:给[您你])?[0-9一二两三四五六七八九十百]+\\s*[元块]',
      'refund\\w*|money\\s+back|(?:send|give|pay)\\s+you\\s+(?:\\$?[\\w.-]+\\s+){1,3}back|back\\s+(?:on|to|in)\\s+your\\s+(?:card|account|original|bank|wallet)|reimburs\\w*|pay\\s+you\\s+back|return\\s+(?:the|your)\\s+money|credit\\s+(?:it\\s+)?back',
    ),
  ],
  [
    'visit',
    words(
      '上门(?!取件|取货|揽收|收件)|派人|安装(?!视频|教程|说明|步骤|师傅|人员|工)|到家',
      'on-?site|come\\s+(?:to|by|over|out)|visit\\w*|send\\s+(?:someone|somebody|a\\s+(?:tech|technician|repairman|engineer))|install\\w*|house\\s+call|stop\\s+by',
    ),
  ],
  [
    'ship',
    words(
      '补发|重发|再派送|重新派送|安排派送|改派|重新发|再发|发货|发出|发过去|寄出|寄过去|寄给[您你]|发(?:一个|个)?新的|换货|换(?:一|个)?[个件台双条套只盒箱]|换个|换新|换成|调换|更换|安排快递|发顺丰|发快递|寄回|退回去|退回来|发回|给[您你]发(?!个?(?:链接|图片|照片|视频|截图|短信|消息|优惠券|券|红包|发票))',
      'ship\\w*|reship\\w*|(?:throw|toss|put|pack|add|include)\\s+(?:it|them|one|(?:a|an|another)\\s+(?:\\w+\\s+){0,2}?\\w+)\\s+(?:in|into|to|with)\\s+(?:the\\s+|your\\s+)?(?:same\\s+)?(?:box|package|parcel|shipment)|resend\\w*|replac\\w*|exchange|dispatch\\w*|send\\s+(?:you\\s+)?(?:a|an|another)\\s+(?:new|replacement|fresh|second)|send\\s+(?:it|them|the\\s+(?:item|package|parcel|goods|order))(?:\\s+(?:out|back|over))?|mail\\s+(?:it|them)|return\\s+(?:it|them|the\\s+(?:item|product|package|parcel|goods))|post\\s+it|drop\\s+(?:it|them|the\\s+\\w+)\\s+off',
    ),
  ],
  [
    'callback',
    words(
      '回电|回[您你]电话|回个电话|打(?:电话)?给[您你]|给[您你]打(?:个)?电话|给[您你]回(?:个)?(?:电话|话|消息|复)|联系[您你]|回复[您你]|答复[您你]|给[您你](?:一个)?(?:答复|回复|消息|通知)|通知[您你]|告诉[您你]|同步给[您你]|反馈给[您你]',
      'call\\s+(?:you|u)(?:\\s+back)?|call\\s+back|ring\\s+you|get\\s+back\\s+to\\s+you|reach\\s+out|contact\\s+you|let\\s+you\\s+know|update\\s+you|keep\\s+you\\s+(?:posted|updated)|follow\\s+up\\s+with\\s+you|(?:email|text|message)\\s+you(?!\\s+(?:a|an|the)\\s)|get\\s+in\\s+touch|circle\\s+back|(?:get|receive)\\s+an?\\s+(?:email|text|call|message|update)',
    ),
  ],
  [
    'other',
    words(
      '跟进|处理|备注|绑好|绑定好|设置好|调试好|预约|约好|约上|反馈|申请|提交|上报|催(?:一下|促)|加急|拦截|改地址|修改地址|开发票|开票|拍(?:个|一下)?(?:照片|视频|图)|发(?:给)?[您你]?(?:个|一下)?(?:照片|视频|图片|截图|链接|教程)|(?:照片|视频|图片|截图|凭证)(?:发|传|拍)|拍[了好]?(?:个|一下)?(?:照片|视频|图)?再?(?:发|传)给?[您你]|发给[您你](?:看|确认)|提供|确认收货|好评|追评|撤销|取消',
      'approv\\w*|hold\\s+(?:one|it|them|a\\s+\\w+)\\s+for\\s+you|set\\s+(?:one|it|them)\\s+aside|(?:email|send|text)\\s+you\\s+(?:a|an|the)\\s+(?:\\w+\\s+){0,2}(?:label|link|invoice|receipt|form|code|instructions|number|details|info(?:rmation)?|confirmation|quote|copy)|follow\\s+up|look\\s+into|escalat\\w*|process\\w*|handle|take\\s+care\\s+of|sort\\s+(?:it|this|that)\\s+out|fix\\s+(?:it|this|that)|check\\s+with|investigate|submit|apply\\s+for|send\\s+(?:you\\s+)?(?:the\\s+|a\\s+|some\\s+)?(?:photos?|pictures?|pics?|videos?|screenshots?|receipts?|invoices?|links?|details|info(?:rmation)?|instructions)|take\\s+(?:a\\s+)?(?:photos?|pictures?|videos?)|leave\\s+(?:a\\s+)?(?:good\\s+|positive\\s+)?review|cancel|confirm\\s+receipt|upload',
    ),
  ],
  // Who comes (师傅, a technician) only names a visit when nothing else is promised: in
  // "师傅会在48小时内联系您" the promise is the call.
  ['visit', words('师傅|技术员|工程师|维修人员|安装人员', 'technicians?|engineers?|repairman')],
  // The merchant telling the buyer what they will receive: a delivery, unless something richer matched.
  [
    'ship',
    words(
      '收到(?![^，,。]{0,6}(?:短信|验证码|消息|通知|链接|电话|邮件))|送到|到货(?!提醒|通知)|签收',
      '(?:get|receive)\\s+(?:it|them|the\\s+(?:package|parcel|item|order|replacement|goods))|arrive',
    ),
  ],
];

/** The buyer can only promise what the buyer can do; anything else they "promise" is `other`. */
export const CUSTOMER_ACTIONS: ReadonlySet<PromiseAction> = new Set(['ship', 'callback', 'other']);

/** A speaker committing: a future or intention marker, or (Chinese) acting for the listener. */
export const COMMITMENT = {
  merchant: words(
    '会|将|马上|立刻|立即|立马|现在就|这就|稍后|等下|等会|一会|待会|回头|尽快|保证|承诺|一定|肯定|负责|给[您你]|帮[您你]|为[您你]|替[您你]|安排|这边|包(?=退|换|赔)|我(?:们)?(?:来|去|先)|送[您你]|赔[您你]|补[您你]|退[您你]',
    "(?:i|we)(?:'ll|\\s+will|\\s+shall|'m\\s+going\\s+to|\\s+am\\s+going\\s+to|'re\\s+going\\s+to|\\s+are\\s+going\\s+to|'m\\s+gonna|'re\\s+gonna|\\s+gonna)|let\\s+(?:me|us)|(?:i|we)\\s+(?:can|could|promise|guarantee)|(?:i'm|we're|i\\s+am|we\\s+are)\\s+\\w+ing|will\\s+be\\s+\\w+(?:ed|en|t)|(?:it|they|this|that|the\\s+\\w+|your\\s+\\w+)(?:'ll|\\s+will|\\s+is\\s+going\\s+to)|you(?:'ll|\\s+will)\\s+(?:get|receive|have|see)|you\\s+should\\s+(?:get|receive)",
  ),
  customer: words(
    '我(?:们)?(?:会|就|马上|等下|等会|待会|一会|今天|明天|今晚|回头|这就|现在就|稍后|晚点|下午|晚上|先|去|来|再|尽快|一定|保证)',
    "(?:i|we)(?:'ll|\\s+will|'m\\s+going\\s+to|\\s+am\\s+going\\s+to|'m\\s+gonna|\\s+gonna)|let\\s+me|(?:i|we)\\s+(?:can|promise)|(?:i'm|i\\s+am)\\s+\\w+ing",
  ),
};

// Courtesies that contain a negation word but negate nothing ("不好意思", "no problem").
export const NOT_NEGATION = words(
  '不好意思|不客气|没问题|没关系|没事|不用担心|不用着急|不用急|别担心|别着急|别急|不然|不管怎样|不管怎么样|不会让[您你]|不错|不好说',
  "no\\s+need\\s+to\\s+(?:worry|panic|apologi[sz]e)|no\\s+problem|not\\s+a\\s+problem|don'?t\\s+worry|do\\s+not\\s+worry|no\\s+worries|not\\s+to\\s+worry|won'?t\\s+take\\s+long|don'?t\\s+hesitate|never\\s+mind|not\\s+only|why\\s+not",
);
export const NEGATION = words(
  '不能|不可以|不可|没办法|没法|无法|不会|不给|不予|不支持|不退|不换|不补|不发|不赔|不了|不行|不用|不需要|做不到|不接受|拒绝|没有|没|别',
  "no\\s+need|needn'?t|can'?t|cannot|can\\s+not|won'?t|will\\s+not|wouldn'?t|not|unable|no\\s+way|don'?t|doesn'?t|never|refuse|no\\s+longer",
);

export const CONDITION = words(
  '如果|要是|假如|万一|若是|倘若|只要|除非|的话|如有|否则|不然|(?:确认|核实|检测|质检|查实|判定)(?:是|为|属于)?.{0,8}就',
  "if|unless|in\\s+case|as\\s+long\\s+as|provided(?:\\s+that)?|otherwise|^(?:so\\s+|just\\s+)?(?:order|buy|pay|leave|give|place|upgrade|subscribe|delete|remove|change|update|rate|confirm|accept|dm|message|text|email|follow|send)\\b[^.!?]{0,40}?\\band(?=\\s+(?:(?:i|we)(?:'ll|\\s+will)|(?:it|they)(?:'ll|\\s+will|\\s+ships?|\\s+goes|\\s+arrives?|\\s+gets?)))",
);
/** Where a Chinese consequent starts ("如果没货就给您退款"): negation is only checked after it. */
export const CONSEQUENT = /的话|就|那么|那/;

/** Tag questions seeking assent: "我给您退款好吗？" is still an offer the merchant makes. */
export const TAG_QUESTION =
  /(?:好吗|可以吗|行吗|好不好|行不行|可以不|okay|ok|alright|all\s+right|right|sound\s+good|is\s+that\s+ok(?:ay)?|does\s+that\s+work)[\s?？。.!！]*$/i;

/** Asking the other side to act, or telling them what they must do: not the speaker's promise. */
export const REQUEST = {
  customer: words(
    '我要|我想|我希望|我需要|给我|帮我|请|麻烦|赶紧|快点|必须|(?<![给帮为替跟向对让打发])你们?(?:要|得|必须|赶紧|快点|应该|能|可以|就|先|再|马上|今天|明天|把|给我|帮我)?(?:退|发|补|换|赔|处理|联系|回|寄|安排)',
    "please|i\\s+want|i'?d\\s+like|i\\s+would\\s+like|i\\s+need|i\\s+demand|give\\s+me|send\\s+me|refund\\s+me|you\\s+(?:need|have|should|must|better|can|could)|i\\s+expect",
  ),
  merchant: words(
    '请[您你]|麻烦[您你]|(?<![给帮为替跟向对让])[您你](?:们)?(?:需要|得|要|可以|可|先|自己|直接|把|这边|那边|申请|寄|拍|提供|点)',
    "please\\s+(?!allow|note|rest)|you\\s+(?:need\\s+to|have\\s+to|should|must|can|could|may)|you(?:'ll|\\s+will)\\s+(?:need|have)\\s+to",
  ),
};
/** The merchant describing what the buyer will receive, which overrides REQUEST ("您可以收到退款"). */
export const RECIPIENT = words(
  '[您你].{0,8}?(?:就能|就可以|会|能|可以|将)(?:收到|到账|拿到)',
  "you(?:'ll|\\s+will|\\s+should)?\\s+(?:get|receive|have|see)\\s+(?:the|your|a|an)\\s+(?:\\w+\\s+)?(?:refund|replacement|money|credit|coupon)",
);

/** Done already: not a promise, unless the clause also says what happens next. */
export const PAST = {
  strong: words('已经|已|刚刚|刚才|早就', "already|(?:i|we)(?:'ve|\\s+have|\\s+had)|has\\s+been|have\\s+been"),
  weak: words(
    '昨天|前天|上周|过了|了[啊哈哦呢呀啦吧喔]?$',
    'yesterday|last\\s+(?:week|night|time)|was|were|(?:i|we)\\s+\\w+ed',
  ),
};
/** Marks a clause as about the future even with a past word in it ("已经申请了，会在3天内到账"). */
export const FUTURE = {
  strong: words('会|将|马上|立刻|这就', "will|'ll|going\\s+to|gonna"),
  weak: words(
    '会|将|马上|立刻|这就|明天|后天|今天|今晚|稍后|等下|一会|待会',
    "will|'ll|going\\s+to|gonna|tomorrow|today|tonight",
  ),
};

/** Money arriving ("今天到账", "打款"): the payout of whatever the previous clause promised. */
export const PAYOUT = words('到账|打款|打到|转账|原路返回', 'arrive\\s+in\\s+your\\s+account|hit\\s+your\\s+account');

/** Things done during the call itself ("let me check", "我查一下"): not promises to track. */
export const IN_CALL = words(
  '我(?:先|这边)?(?:查|看|核实|确认|问)一下',
  'let\\s+me\\s+(?:look|check|see|confirm|verify|take\\s+a\\s+look|find\\s+out)',
);

/** Words joining two actions into two promises: "reship it or refund you", "退款并补发". */
export const COORDINATOR = words('或者|或|还是|并且|并|和|再|以及', 'or|and|plus');

/** A buyer sending goods back makes a shipment: it is how their `ship` promise reads. */
export const RETURN_GOODS = words(
  '退货|寄回|退回|发回',
  'send\\s+(?:it|them)\\s+back|ship\\s+(?:it|them)\\s+back|return\\s+(?:it|them|the\\s+\\w+)',
);

/** The arrival of goods, which the buyer receives rather than does (the last ACTIONS entry). */
export const ARRIVAL = ACTIONS[ACTIONS.length - 1]![1];

/** Hedged estimates ("should arrive by Friday", "预计后天送到"): a forecast, not a commitment. */
export const ESTIMATE = words(
  '应该|预计|估计|大概|大约|一般|可能|正常的话',
  'should|expected\\s+to|supposed\\s+to|likely|probably|may|might|usually',
);

/** Someone else acting (the platform, the courier): not the speaker's promise. */
export const THIRD_PARTY = words(
  '(?:^|^[^，,]{0,24}?(?:后|以后|之后|时候))(?:那|到时候|之后|然后|回头)?(?:平台|系统|快递员|快递公司|物流公司|银行)(?:那边)?(?:也)?(?:会|将|自动)',
  "^(?:then\\s+)?(?:the\\s+(?:platform|system|courier|carrier|marketplace)|your\\s+bank)(?:'ll|\\s+will|\\s+should)",
);

/** A sentence cut off after "or"/"或者": the offer before it was interrupted, not made. */
export const DANGLING_OR = /(?:^|[\s,，])(?:or|或者|还是|要么)[\s.…—-]*$/i;

/** The merchant agreeing to what the buyer was told to apply for ("您申请退款，我这边同意"). */
export const AGREE = words(
  '(?:我|我们)(?:这边)?(?:就)?(?:同意|批准|通过)(?:了)?$',
  "(?:i|we)(?:'ll|\\s+will)\\s+approve\\s+it|(?:i|we)\\s+(?:agree|approve)$",
);

/** A review bought with money ("好评返现", "five stars … five dollars back"): compensation, not a refund. */
export const REVIEW = words('好评|五星|差评|追评|评价|晒图', 'stars?|reviews?|rating');

/** "货到了我们马上退款": an act timed by an event (the goods coming back), so conditional. */
export const EVENT_TRIGGER = new RegExp(
  [
    '^(?:等|待)?[^，,]{0,6}?(?:货|东西|包裹|快递|退货|衣服|商品)?(?:到了|收到了|寄到了|签收了|寄回来了|退回来了|到仓了)(?:以后|之后)?(?=.)',
    // "等我们收到退件，…": waiting for the goods to come back.
    '^(?:等|待)[^，,]{0,10}?(?:收到|签收|寄回|退回|到仓|回来)',
    // "删了我给您补…", "您把申请撤了，…": once the buyer has done it.
    '^(?:[您你](?:们)?(?:把[^，,]{0,8})?)?(?:删|撤|改|取消)(?:掉|除|销)?了(?=.)',
    // "once it's scanned back in", "as soon as the coat is back": timed by an event.
    '(?<!\\bat\\s)\\b(?:once|as\\s+soon\\s+as|the\\s+moment)\\s+(?:it|they|the|your|we|you|i|this|that)\\b(?!\\s+(?:can|could)\\b)',
  ].join('|'),
  'i',
);

/** Immediacy words, relative to a condition when one is set. */
export const IMMEDIATE = words('马上|立刻|立即|立马|第一时间', 'right\\s+away|immediately|straight\\s+away|at\\s+once');

/** "您把差评删了，我给您…": an instruction to the buyer, then a reward, makes the reward conditional. */
export const IMPERATIVE_LEAD =
  /^(?:或者|那|这样|只要)?[您你](?!好|放心|别|不用|稍等|看|说)(?:们)?(?:把|追评|改|删|给我们|帮我们|点|晒|确认收货|下单|拍下|付款|好评)/;
export const REWARD_AFTER = /^(?:那|就|然后)?我(?:们|这边)?[^，,]{0,8}?[给帮][您你]/;

/** Hedged information ("usually 3-5 working days, depends on the bank"): describes, does not commit. */
export const HEDGE = words(
  '一般|通常|正常情况下?|看银行|以银行为准|取决于',
  'usually|typically|normally|generally|depends\\s+on',
);

/** A policy stated ("按三包规定十五天内换新", "per our policy"): not the speaker's own promise. */
export const POLICY = words('规定|政策|三包|售后条款', 'policy|policies|per\\s+the\\s+terms');

/** A time said to have passed ("今天 cutoff 过了", "today's pickup is missed"): not the deadline. */
export const PASSED = words('过了|已过|错过|赶不上|来不及', 'passed|missed|too\\s+late|already\\s+gone');

/** An offered alternative ("或者我给您发个红包也一样"): another way to keep a promise already made. */
export const ALTERNATIVE = words('^(?:或者|要么|或)', '^(?:or|alternatively)');

/** A duration counted from a moment ("三个工作日内", "within 48 hours"): under an event, from that event. */
export const SPAN = words(
  '[0-9零一二两三四五六七八九十百半]+\\s*个?(?:工作日|天|日|小时|钟头|周|星期|礼拜)',
  '(?:business|working)\\s+days?|days?|hours?|hrs?|weeks?|minutes?|mins?',
);

/** A comparison ("比退款还多", "more than a refund"): names an action without promising it. */
export const COMPARISON = words('^比', '^(?:more|better|less)\\s+than|^than');
