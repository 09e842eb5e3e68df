/**
 * Lexical cues for the after-sales issue a customer describes, per language. Order is priority:
 * when one utterance matches several kinds, the earlier kind wins ("the washer leaks after
 * installation" is damage, not an installation question). Patterns are case-insensitive.
 */
export const ISSUE_KINDS = [
  'wrong_item',
  'missing_item',
  'spoiled',
  'not_as_described',
  'damaged',
  'installation',
  'late',
  'refund_status',
  'price_drop',
  'changed_mind',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

export const ISSUE_CUES: Record<'zh' | 'en', Record<IssueKind, RegExp>> = {
  zh: {
    wrong_item:
      /(买|拍|订|下单|要)的(是|明明是).{1,12}[，,]?\s*(结果|但是?|可)?(你们)?(发|寄|送)(来|过来|给我)?的(却|竟然)?是|发错|寄错|错发|拣错|发成了|不是我(买|要|拍|订)的|型号不对|款式不对|货不对|(刻|印|绣|写|做|定制)错了?|(刻|印|绣)的(字|名字?).{0,4}不对/,
    missing_item:
      /少了|少发|漏发|少件|缺件|缺了|少一个|没有配件|缺配件|数量不对|只(收到|有)[0-9一二两三四五六七八九十]+[个件只盒箱]/,
    spoiled: /腐烂|烂了|烂的|烂掉|烂果|坏果|发霉|霉了|长毛|变质|臭了|馊了|不新鲜|蔫了|发黑|化了|压烂|烂/,
    not_as_described:
      /描述不符|与描述|(和|跟|与)(图片?|图上|照片|描述|详情页?|宣传图?|视频)(上的)?.{0,6}(不|差)|货不对板|实物.{0,6}不一样|色差|尺寸不对|尺码不对|颜色不对|假货|不是正品|材质不对|规格不对/,
    damaged:
      /破损|碎了|摔坏|压坏|压扁|裂了|裂开|裂缝|裂纹|开裂|有裂|漏气|漏电|漏油|(会|就|一直|老是|总是|还是|往外)漏|毛刺|做工(很|太|特别)?(差|粗糙|不好)|掉漆|掉色|脱线|开线|涂层.{0,4}掉|烧(坏|焦|糊|掉)了?|(电机|马达|主板)烧|冒烟|没反应|坏了|坏的|不能用|用不了|不工作|开不了机|开不开机|打不开|不开机|充不进电|充不上电|不制冷|不加热|漏水|故障|质量问题|质量太差|质量不好|划痕|凹陷|瑕疵|异响/,
    installation: /安装|装不上|不会装|怎么装|上门|师傅|预约|不会用|怎么用|使用方法/,
    late: /没发货|不发货|还没发|怎么还没到|还没到|还没收到|没收到货|(?<!(退款|钱|款)[^，,。]{0,4})(根本|一直|压根|都|从来)没(有)?收到(?!退款|钱|款)|迟迟|物流不动|物流没|(物流|快递|单号|包裹).{0,4}(没|不)(有)?(动|更新|动静)|(还|都)没(动|更新)|物流一直|催(一下)?发货|发货太慢|发货慢|太慢了|等了.{0,4}天|好几天了|延迟|超时|丢件|丢了/,
    refund_status: /退款.{0,8}(到账|没到|多久|什么时候|进度|还没)|钱.{0,6}没到|还没退|没退款|退的钱/,
    price_drop: /降价|便宜了|差价|价保|价格保护|买贵了|买亏了/,
    changed_mind:
      /不(太|怎么)?适合我|(款式|颜色|风格|版型).{0,3}不(太)?(适合|合适|喜欢)|不(太|怎么)?想要了|不要了|不喜欢|买错了|拍错了|拍多了|用不上|不需要了|无理由|想退货|要退货|退掉|(想|要)退了|买(小|大)了|(小|大)了一码|偏(小|大)|穿不(下|上|进去)|不合(身|脚)|(尺码|尺寸|大小|码数?|穿着).{0,3}不合适|(太|有点)(小|大|紧|肥)了/,
  },
  en: {
    wrong_item:
      /(ordered|bought|paid for) (a |an |the |size |sz )?[\w.-]+( [\w.-]+){0,3},? (but|and) (got|received|(you|they) sent( me)?|it came in)|wrong (item|product|model|one|thing|book|colou?r sent)|(engraving|engraved|printed|embroidered|personali[sz]ation|custom \w+) (is |was |came out )?(wrong|misspelled|incorrect)|misspell|(got|received|sent( me)?) an? [\w-]+( [\w-]+)? instead|sent (me )?(a |the )?wrong|not what i ordered|someone else'?s|different (item|product) (than|from)/i,
    missing_item:
      /\bmissing\b|only (got|received|came with) (\d+|one|two|three|four|five|six|seven|eight|nine|half)|(wasn't|was not|isn't|not) in the (box|package|parcel)|incomplete|forgot to (include|send|pack)|\bshort\b/i,
    spoiled:
      /rott(en|ing)|mou?ldy|spoil(ed|t)|gone (off|bad)|bruised|overripe|smells? (bad|off)|not fresh|\bstale\b|wilted|\bmushy\b/i,
    not_as_described:
      /not as described|(doesn't|does not|didn't) (look like|match) the (picture|photo|description|listing)|looks (nothing like|different)|different (colou?r|size|material) (than|from)|(?<!(ordered|bought|picked|chose) the )wrong (colou?r|size)|\bfake\b|counterfeit|not genuine|not (the )?real/i,
    damaged:
      /broken|\bbroke\b|cracked|shattered|smashed|\bdent(s|ed)?\b|damaged|defective|faulty|(doesn't|does not|won't|will not|didn't|did not) (work|turn on|charge|power on|start|cool|heat)|not working|stopped working|\bleak(s|ing)?\b|scratch(ed|es)|\btorn\b|ripped|malfunction|\bdead\b|burn(ed|t) out|shorted out|\bfried\b|smok(ing|ed)|stopped (charging|spinning|heating|cooling)|(won't|will not|doesn't|does not) (hold a charge|spin|close|lock)/i,
    installation:
      /\binstall|installer|technician|set(ting)? (it )?up|\bsetup\b|appointment|how (do i|to) use|mount(ing)? it/i,
    late: /(hasn't|has not|haven't|have not|still not|not yet|never) (been )?(shipped|arrived|received|come|got it)|(never|didn't|did not|haven't|have not) (actually )?(got|get|received?) (it|them|the (package|parcel|order|box))|still (waiting|hasn't|not here)|where is my (order|package|parcel)|\blate\b|delayed|taking (forever|so long|too long)|tracking (hasn't|has not|isn't|is not|not) (updat|mov|chang)|\bstuck\b|\blost\b/i,
    refund_status:
      /(where is|when will i get|when do i get|haven't (got|received)|didn't (get|receive)|still waiting for) (my|the) refund|refund (hasn't|has not|not|never) (arrived|come|shown|gone through)|how long (does|will) (the|my|a) refund/i,
    price_drop:
      /price (dropped|drop|went down|is lower)|cheaper now|on sale now|price difference|price protection|price match|overpaid/i,
    changed_mind:
      /changed my mind|(doesn't|does not|didn't|did not|don't|do not) (really )?suit me|(just )?not (really )?for me|(don't|do not|no longer) (want|need|like) (it|this|them|the)|ordered the wrong (size|one|colou?r)|don't like|return it|send it back|want (a|to) return|too (small|big|large|tight|loose|short|long)|(doesn't|does not|didn't|did not|don't|do not) fit|runs? (small|large|big)/i,
  },
};

/**
 * A late delivery that is really a lost parcel: said to be lost, or marked delivered/signed for
 * while the customer has nothing ("物流显示 delivered 三天了，但我根本没收到").
 */
export const LOST_PARCEL =
  /丢件|丢了|寄丢|弄丢|\blost\b|(显示|写着|标记|状态)(为|是)?(已经?)?.{0,6}(签收|送达|妥投|delivered)|已经?(被)?(签收|送达|妥投)(了|三天|两天|好几天)|(says|shows|showing|marked|listed)( as| it| it's| it was| that it)*( been| was)? delivered|delivered.{0,20}(never|didn't|did not|haven't|have not|not) (got|get|received?|arrived|there)/i;

/** Fresh-food words that make a generic "坏了 / gone bad" mean spoiled rather than broken. */
export const FRESH_WORDS: Record<'zh' | 'en', RegExp> = {
  zh: /水果|果子|生鲜|芒果|苹果|橙|橘|桔|柚|梨|桃|李子|杏|葡萄|提子|草莓|蓝莓|樱桃|车厘子|荔枝|龙眼|榴莲|香蕉|猕猴桃|西瓜|哈密瓜|菠萝|火龙果|蔬菜|菜|肉|鸡蛋|蛋|海鲜|虾|蟹|鱼/,
  en: /fruit|mango|apple|orange|pear|peach|plum|grape|strawberr|blueberr|cherr|lychee|durian|banana|kiwi|melon|pineapple|avocado|vegetable|lettuce|meat|eggs?\b|seafood|shrimp|fish/i,
};

/**
 * Words that make "not arrived yet" a complaint rather than a status question: impatience, time
 * waited, a broken promise, urgency. "还没到，帮我看看" asks; "都五天了还没到" complains.
 */
export const LATE_COMPLAINT: Record<'zh' | 'en', RegExp> = {
  zh: /怎么(还|回事|这么|搞)|为什么|咋还|太慢|好慢|慢死|迟迟|等了|好几天|[几两三四五六七八九十\d]+(天|周|个星期)(了|都)|一(周|个星期)了|都.{0,8}了还|一直|老是|催|超时|延迟|耽误|说好|承诺|答应|着急|急用|急着|赶着|气死|投诉|差评|什么情况|丢(件|了)|物流(不动|没|一直)/,
  en: /\bstill\b|supposed to|promised|been (waiting|days|weeks|a week|ages)|(\d+|two|three|four|five|six|ten|several|a few) (days|weeks)|a week|ridiculous|frustrat|unacceptable|\blate\b|delayed|forever|so long|too long|\blost\b|\bstuck\b|\bnever\b|urgent|need (it|them) (by|for|before)|annoy|what'?s going on|complain/i,
};

/** The installer / technician didn't come as booked: an installation complaint, not a how-to question. */
export const INSTALL_NO_SHOW =
  /没(有)?(来|上门|到|按时)|不来|没人来|爽约|放鸽子|迟迟不|一直没|白等|等了一天|never (came|showed|turned up|arrived)|(didn't|did not|doesn't|hasn't|has not|won't) (show|come|turn up)|no[- ]show|stood (me )?up|missed (the |my |our )?(appointment|visit)/i;
