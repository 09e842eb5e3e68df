# learn14 probe (session 19, decision 0885): promise lines vs look-alikes the promise veto must judge.
# Fresh lines in the register of /work/shared/notes/how-people-talk.md, written before any change.
# Each call: (name, startedAt, lines, promises) with promises as (utterance, action, deadline, conditional).
import json, os
ZH = "2027-04-14T14:00:00+08:00"
EN = "2027-04-14T10:00:00-04:00"
calls = [
 # real promises (must be kept)
 ("zh01_cuikuaidi", ZH, [("c","三天了物流还没动"),("m","亲 这边马上联系快递帮您催一下哈 有消息第一时间告诉您")], [(1,"follow_up",None,False)]),
 ("zh02_buji", ZH, [("c","少发了一个盖子"),("m","非常抱歉宝子 小妹今天下班前给您补寄一个 单号晚点发您")], [(1,"ship","2027-04-14",False)]),
 ("zh03_huidian", ZH, [("c","你们到底能不能处理"),("m","我把情况报给主管 明天上午给您回个电话")], [(1,"callback","2027-04-15",False)]),
 ("zh04_tuikuan", ZH, [("c","那我不要了"),("m","好的亲 您这边不用退回了 稍后直接给您退全款")], [(1,"refund",None,False)]),
 ("zh05_shifu", ZH, [("c","洗衣机还是漏水"),("m","已经给您约了师傅 周五下午上门看看")], [(1,"visit","2027-04-16",False)]),
 ("zh06_buchang", ZH, [("c","耽误我两天了"),("m","实在不好意思 这边申请给您补五块钱运费 您注意查收")], [(1,"compensate",None,False)]),
 ("en01_replace", EN, [("c","the zipper broke the first time i used it"),("m","so sorry about that, i'll get a new one sent out to you today")], [(1,"ship","2027-04-14",False)]),
 ("en02_email", EN, [("c","nobody has told me anything"),("m","totally fair. i'll chase the warehouse and email you an update by friday")], [(1,"follow_up","2027-04-16",False)]),
 ("en03_refund", EN, [("c","can i just get my money back"),("m","yep, i'll put the refund through now and it should show in 3-5 business days")], [(1,"refund",None,False)]),
 ("en04_escalate", EN, [("c","this is the third time"),("m","understood, i'm passing this to our returns lead and she'll call you tomorrow")], [(1,"callback","2027-04-15",False)]),
 ("zh07_cond", ZH, [("c","尺码小了"),("m","您寄回来 我们这边收到就给您换大一码发出")], [(1,"ship",None,True)]),
 ("en05_cond", EN, [("c","its still not charging"),("m","if the new cable doesn't fix it by tomorrow just reply here and we'll send a replacement unit")], [(1,"ship",None,True)]),
 # look-alikes (must not be promises)
 ("zh08_yifa", ZH, [("c","发货了吗"),("m","今天早上已经发出去了哦 单号在订单详情里")], []),
 ("zh09_yitui", ZH, [("c","钱呢"),("m","昨天下午就给您退了亲 原路返回 您查一下银行卡")], []),
 ("zh10_chaxun", ZH, [("c","我的单子到哪了"),("m","您稍等 小妹这就帮您看一下物流")], []),
 ("zh11_zhengce", ZH, [("c","能退吗"),("m","本店所有商品都支持七天无理由 签收后七天内都可以申请")], []),
 ("zh12_weigui", ZH, [("c","那怎么补偿我"),("m","您把差评删了 我这边返您十块红包")], []),
 ("zh13_xuanxiang", ZH, [("c","坏了一个角"),("m","您看是想退一部分款 还是换个新的呢")], []),
 ("zh14_guoqu", ZH, [("c","上次也是这样"),("m","上次那单我们给您补发过一次了 这次是快递的问题")], []),
 ("zh15_jujue", ZH, [("c","给我包邮寄回"),("m","不好意思亲 这个运费是没办法承担的")], []),
 ("en06_shipped", EN, [("c","did it ship"),("m","it went out with the courier this morning, tracking is in your inbox")], []),
 ("en07_done", EN, [("c","where is my refund"),("m","we processed it on monday, it's on the bank's side now")], []),
 ("en08_incall", EN, [("c","can you check the status"),("m","sure, give me one sec while i pull up the order")], []),
 ("en09_policy", EN, [("c","can i return it"),("m","returns are accepted within 30 days as long as the tags are on")], []),
 ("en10_option", EN, [("c","the color is off"),("m","would you prefer a swap or a partial refund?")], []),
 ("en11_buyer", EN, [("c","ok i'll send it back tomorrow then"),("m","sounds good")], []),
]
os.makedirs("calls", exist_ok=True); os.makedirs("expected", exist_ok=True)
for name, started, lines, promises in calls:
    with open(f"calls/{name}.jsonl", "w") as f:
        t = 0
        for sp, text in lines:
            d = 1500 + 120 * len(text)
            f.write(json.dumps({"speaker": "customer" if sp == "c" else "merchant", "text": text, "startMs": t, "endMs": t + d}, ensure_ascii=False) + "\n")
            t += d + 500
    exp = {"startedAt": started, "orderNumbers": [], "amounts": [],
           "promises": [{"speaker": "merchant", "action": a, "deadline": dl, "conditional": cnd, "utterance": u} for u, a, dl, cnd in promises],
           "flags": [], "recommendedRefund": None, "hardNegatives": [], "note": "learn14 probe 19"}
    with open(f"expected/{name}.json", "w") as f:
        f.write(json.dumps(exp, ensure_ascii=False, indent=2) + "\n")
print(len(calls), "calls,", sum(len(c[3]) for c in calls), "promises")
