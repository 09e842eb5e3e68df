import json, os
calls = {
# --- regional currency from the call's own cues
"q01_tw_familymart_pickup": ("2027-01-10T19:00:00+08:00", [
 ("c","請問一下 我在蝦皮以外的官網下單 要到全家取貨"),
 ("m","您好～您的包裹已經送到全家【民生門市】囉"),
 ("c","要付多少"),
 ("m","取貨時付款 總共890元 門市人員會請您報手機末三碼"),
], [], [(890,"TWD")]),
"q02_tw_711_refund_typed": ("2027-01-11T14:00:00+08:00", [
 ("c","我上禮拜在7-11門市取的耳機壞了 訂單編號TW88120375"),
 ("m","不好意思造成困擾 這邊幫您辦理退貨 退款2490元會退回您的信用卡喔"),
], ["TW88120375"], [(2490,"TWD")]),
"q03_sg_shopee_dollars_asr": ("2027-01-12T11:00:00+08:00", [
 ("c","hi i bought the rice cooker on shopee the lid cannot close one"),
 ("m","ok sorry about that can send me photo"),
 ("c","sent already"),
 ("m","ok we refund you the sixty nine dollar back to your shopee wallet"),
], [], [(69,"SGD")]),
"q04_my_ringgit_once": ("2027-01-12T15:00:00+08:00", [
 ("c","hello the fan I ordered got broken blade, I paid 159 ringgit"),
 ("m","sorry about that, we can send new blade or refund 40 for the blade"),
 ("c","ok refund the 40"),
], [], [(159,"MYR"),(40,"MYR")]),
"q05_hk_cantonese_cheque": ("2027-01-13T16:00:00+08:00", [
 ("c","我張單仲未到 單號係 5520384716"),
 ("m","唔好意思 我幫你查下 順豐話聽日會送到"),
 ("c","我俾咗 $420 運費都俾埋"),
], ["5520384716"], [(420,"HKD")]),
"q06_ca_interac_refund": ("2027-01-14T10:00:00-05:00", [
 ("c","Hi, my parka arrived with a broken zipper. I paid by Interac e-Transfer."),
 ("m","Sorry about that! We'll refund the $249.99 once Canada Post scans the return."),
], [], [(249.99,"CAD")]),
"q07_au_arvo_asr": ("2027-01-14T09:00:00+11:00", [
 ("c","g'day mate the kettle's stopped working"),
 ("m","no worries can you tell me the order number"),
 ("c","yeah it's seven seven one four two zero eight"),
 ("m","got it that was forty nine ninety five i'll refund that this arvo"),
], ["7714208"], [(49.95,"AUD")]),
# --- spoken amounts in ASR
"q08_en_asr_price_seen": ("2027-01-15T10:00:00-05:00", [
 ("c","yeah i returned the headphones last week still no refund"),
 ("m","let me check okay i see them one twenty nine ninety nine received on the eighth"),
 ("m","the refund went out yesterday so give it three to five days"),
], [], [(129.99,"USD")]),
"q09_en_asr_hundred_and": ("2027-01-15T11:00:00-05:00", [
 ("c","i was charged twice for the same chair"),
 ("m","i see two charges of a hundred and nineteen dollars i'll reverse one of them"),
], [], [(119,"USD")]),
# --- Chinese after-sales amounts
"q10_zh_jiabao_page_price": ("2027-01-16T10:00:00+08:00", [
 ("c","你好 我前天买的空气炸锅 399 今天活动价349了"),
 ("c","能退差价吗"),
 ("m","亲 这边看到是在价保期内的 差价50元给您申请哦"),
], [], [(399,"CNY"),(349,"CNY"),(50,"CNY")]),
"q11_zh_chongzhi_youka": ("2027-01-16T11:00:00+08:00", [
 ("c","我昨天充了200的加油卡 到现在都没到账"),
 ("m","亲 您稍等 帮您查一下充值记录"),
 ("m","查到了 正在处理中 今天之内会到账的哦"),
], [], [(200,"CNY")]),
"q12_zh_kanjia_offer": ("2027-01-16T12:00:00+08:00", [
 ("c","这个电饭煲260 能便宜点吗"),
 ("m","亲 最低给您240 再送个蒸架"),
], [], [(260,"CNY"),(240,"CNY")]),
"q13_zh_taozhuang": ("2027-01-16T13:00:00+08:00", [
 ("c","这个面膜怎么卖"),
 ("m","单盒89 两盒装158 比较划算哦"),
], [], [(89,"CNY"),(158,"CNY")]),
"q14_zh_asr_peijian_spoken": ("2027-01-16T14:00:00+08:00", [
 ("c","喂 我家那个空调遥控器丢了 能单买吗"),
 ("m","可以的 遥控器是三十五 您在店铺里拍一下就行"),
], [], [(35,"CNY")]),
# --- orders
"q15_en_asr_order_seven": ("2027-01-17T10:00:00-05:00", [
 ("c","hi my pet food delivery never came"),
 ("m","sorry to hear that what's your order number"),
 ("c","it's six one eight eight zero four two"),
 ("m","thanks i'll send a new bag today"),
], ["6188042"], []),
"q16_en_order_at_end": ("2027-01-17T11:00:00-05:00", [
 ("c","Can you pause my coffee subscription for a month?"),
 ("m","Done, your next box ships February 20. For your records the order number is 4471903."),
], ["4471903"], []),
"q17_zh_cantonese_danhao": ("2027-01-17T12:00:00+08:00", [
 ("c","喂 我张单3308177264 话今日送 到而家都未到"),
 ("m","唔好意思 我帮你催下速递"),
], ["3308177264"], []),
# --- look-alikes
"q18_en_phone_not_order": ("2027-01-18T10:00:00-05:00", [
 ("c","can someone call me back about my order"),
 ("m","sure what's the best number"),
 ("c","five five five two one three eight eight four zero"),
 ("m","great we'll call you within the hour"),
], [], []),
"q19_zh_tracking_not_order": ("2027-01-18T11:00:00+08:00", [
 ("c","订单号4402918836152 物流一直不动"),
 ("m","亲 您的快递单号是SF1402387765421 这边帮您催一下"),
], ["4402918836152"], []),
"q20_zh_dates_quantities": ("2027-01-18T12:00:00+08:00", [
 ("c","我12月28号买的 3件 到现在只到了2件"),
 ("m","亲 另外1件明天补发 单号发您"),
], [], []),
"q21_en_model_number": ("2027-01-18T13:00:00-05:00", [
 ("c","the WH-1000XM5 I got won't charge, it was $348"),
 ("m","sorry about that, I'll send a replacement for the 1000XM5 today"),
], [], [(348,"USD")]),
"q22_en_quantity_not_amount": ("2027-01-18T14:00:00-05:00", [
 ("c","i ordered twelve cans and only got ten"),
 ("m","sorry i'll refund the two missing cans that's three fifty"),
], [], [(3.5,"USD")]),
"q23_zh_phone_topup_number": ("2027-01-18T15:00:00+08:00", [
 ("c","我给13912345678充了50块 显示成功了但是没到"),
 ("m","亲 运营商到账有延迟 两个小时内没到的话自动退款哦"),
], [], [(50,"CNY")]),
"q24_sg_lazada_bare_figure": ("2027-01-19T10:00:00+08:00", [
 ("c","hello i order the standing fan from lazada wrong colour leh"),
 ("m","sorry ah can exchange, or we refund you 45 dollar"),
], [], [(45,"SGD")]),
"q25_en_year_and_price": ("2027-01-19T11:00:00-05:00", [
 ("c","I bought the 2025 model for $899 and now the 2026 one is $799"),
 ("m","We can't price match across models, sorry."),
], [], [(899,"USD"),(799,"USD")]),
}
os.makedirs("calls", exist_ok=True); os.makedirs("expected", exist_ok=True)
for name,(at,lines,orders,amounts) in calls.items():
    with open(f"calls/{name}.jsonl","w") as f:
        for i,(s,t) in enumerate(lines):
            f.write(json.dumps({"speaker":"customer" if s=="c" else "merchant","text":t,"startMs":i*4000,"endMs":i*4000+3000},ensure_ascii=False)+"\n")
    with open(f"expected/{name}.json","w") as f:
        json.dump({"startedAt":at,"orderNumbers":orders,"amounts":[{"value":v,"currency":c} for v,c in amounts],"promises":[],"flags":[],"recommendedRefund":None,"hardNegatives":[],"note":"notesq probe (session 17); only amounts and orders labelled"},f,ensure_ascii=False,indent=2)
print(len(calls))
