# Writes the notesr probe (session 18): calls/*.jsonl and expected/*.json. Only order numbers,
# amounts and the recommended refund kind are labelled; promises and flags are left empty.
import json, os
C, M = "c", "m"
calls = {
# --- the currency a call's place says
"p01_tw_traditional_price": ("2027-02-02T15:10:00+08:00", [
 (C,"請問這個保溫杯還有白色的嗎"),
 (M,"有喔～白色剛補貨 一個780 兩個一起買有折扣"),
 (C,"好 那我下單"),
], [], [(780,"TWD")], None),
"p02_tw_traditional_refund": ("2027-02-03T10:00:00+08:00", [
 (C,"吹風機用兩天就不會熱了 訂單編號250203118842"),
 (M,"真的很抱歉 麻煩您拍個影片給我們"),
 (C,"[影片]"),
 (M,"收到了 這台確定是故障 我們幫您退款 2290元會退回您的信用卡"),
], ["250203118842"], [(2290,"TWD")], "refund_only"),
"p03_cn_simplified_lookalike": ("2027-02-03T11:00:00+08:00", [
 (C,"这个保温杯还有白色的吗"),
 (M,"有的亲 白色刚补货 一个78 两个一起拍更划算哦"),
], [], [(78,"CNY")], None),
"p04_hk_cantonese_price": ("2027-02-04T16:30:00+08:00", [
 (C,"呢件褸仲有冇M碼"),
 (M,"有呀 $680 聽日可以寄出"),
], [], [(680,"HKD")], None),
"p05_tw_named_rmb_lookalike": ("2027-02-04T17:00:00+08:00", [
 (C,"我在淘寶買的 付了人民幣299 可以開發票嗎"),
 (M,"可以的 我們會開給您"),
], [], [(299,"CNY")], None),
"p06_sg_ah_asr": ("2027-02-05T12:00:00+08:00", [
 (C,"hello ah the stroller the front wheel spoil already i paid one hundred twenty nine dollar leh no wait one twenty nine"),
 (M,"sorry ah can send photo first"),
 (C,"ok sending"),
], [], [(129,"SGD")], None),
"p07_sg_ah_only_asr": ("2027-02-05T13:00:00+08:00", [
 (C,"hi ah i booked the sofa cleaning the sixty eight dollar one then the guy never come"),
 (M,"sorry ah let me check can or not i rebook you for saturday"),
 (C,"ok can can"),
], [], [(68,"SGD")], None),
"p08_us_ah_lookalike_asr": ("2027-02-05T09:00:00-05:00", [
 (C,"ah yeah hi so the coffee maker leaks and it was like forty nine dollars"),
 (M,"ah okay sorry about that let me pull it up"),
], [], [(49,"USD")], None),
"p09_my_order_digits_asr": ("2027-02-06T14:00:00+08:00", [
 (C,"boss the rice cooker i order thirty five ringgit until now never reach"),
 (M,"sorry ah can give me the order number"),
 (C,"ok six two oh nine four four one seven three"),
 (M,"ok i check with the courier first"),
], ["620944173"], [(35,"MYR")], None),
"p10_sg_order_digits_asr": ("2027-02-06T15:00:00+08:00", [
 (M,"hi can give me your order number ah"),
 (C,"ya is seven one one zero eight three five two"),
 (M,"ok found it"),
], ["71108352"], [], None),
"p11_ca_city_asr": ("2027-02-07T10:00:00-07:00", [
 (C,"hi i'm in calgary and the parka came with a broken zipper it was two hundred forty nine dollars"),
 (M,"oh sorry about that i can send a new zipper pull or we do a return"),
], [], [(249,"CAD")], None),
"p12_us_canada_destination_lookalike": ("2027-02-07T11:00:00-05:00", [
 (C,"can you ship the $59 lamp to my sister in Toronto"),
 (M,"sorry we only ship within the US right now"),
], [], [(59,"USD")], None),
# --- Chinese sums with no currency word
"p13_zh_decimal_order": ("2027-02-08T10:00:00+08:00", [
 (C,"拼单没拼成 29.9那单钱咋还没回来"),
 (M,"亲 拼单失败是系统自动原路退的哦 一般1到3个工作日"),
], [], [(29.9,"CNY")], None),
"p14_zh_price_which_one": ("2027-02-08T11:00:00+08:00", [
 (C,"耳机右边没声"),
 (M,"亲 是一百九十九那款对吧 您先重置一下试试"),
], [], [(199,"CNY")], None),
"p15_zh_haggle_model_lookalike": ("2027-02-08T12:00:00+08:00", [
 (C,"这台14还在吗 电池多少"),
 (M,"在的 电池90% 1900出"),
 (C,"1800行不行"),
 (M,"行吧 我给你改成1800 你拍"),
], [], [(1900,"CNY"),(1800,"CNY")], None),
"p16_zh_fee_charged": ("2027-02-09T09:00:00+08:00", [
 (C,"装空调的师傅说要收150的打孔费"),
 (M,"亲 页面写的是包安装 打孔是另外的 不过这次小妹给您出"),
 (C,"那他说要等3天才能来"),
], [], [(150,"CNY")], None),
"p17_zh_bought_now": ("2027-02-09T10:00:00+08:00", [
 (C,"我买的129 现在99了 能退差价吗"),
 (M,"亲 在价保期内的 差价30元给您退哈"),
], [], [(129,"CNY"),(99,"CNY"),(30,"CNY")], "partial_refund"),
"p18_zh_size_lookalike": ("2027-02-09T11:00:00+08:00", [
 (C,"我买的42码 现在43也有了 能换吗"),
 (M,"可以的亲 您申请换货 我们收到后给您发43码"),
], [], [], "replacement"),
"p19_zh_boards_lookalike": ("2027-02-09T12:00:00+08:00", [
 (C,"书柜少了两块层板 螺丝也少了一包"),
 (M,"亲 不好意思 这边给您补发两块板子和螺丝 明天发出"),
], [], [], "reship"),
"p20_zh_cashback_walk": ("2027-02-10T09:00:00+08:00", [
 (M,"宝子给个五星好评 截图发小妹 返6块走微信给您"),
], [], [(6,"CNY")], None),
"p21_zh_price_beside_sum": ("2027-02-10T10:00:00+08:00", [
 (M,"新机4299 旧机回收估价800元 抵扣后您再付差价就行"),
], [], [(4299,"CNY"),(800,"CNY")], None),
# --- the refund kind the call settles on
"p22_zh_wrong_colour_keep": ("2027-02-11T10:00:00+08:00", [
 (C,"杯子发错颜色了 我要的粉色 来的是灰的"),
 (M,"亲 实在抱歉 灰的您留着用 不用寄回了 这边给您补发一个粉色的 今天发出"),
 (C,"好的"),
], [], [], "replacement"),
"p23_zh_lost_reship_lookalike": ("2027-02-11T11:00:00+08:00", [
 (C,"快递一直没更新 是不是丢了"),
 (M,"亲 查了一下 快递那边确认丢件了 这边今天给您重新补发一份"),
], [], [], "reship"),
"p24_en_wrong_charger_keep": ("2027-02-11T12:00:00-06:00", [
 (C,"you sent me a usb-a charger, i ordered usb-c"),
 (M,"So sorry! I'll ship the usb-c one out today, you can keep the other one."),
 (C,"great thanks"),
], [], [], "replacement"),
"p25_en_keep_partial": ("2027-02-12T10:00:00-08:00", [
 (C,"the desk has a dent on the side. order 7730418"),
 (M,"Sorry about that. You can return it for the full $199, or keep it and we'll refund $40."),
 (C,"I'll keep it, $40 is fine"),
 (M,"Done, $40 back to your card in 3-5 business days."),
], ["7730418"], [(199,"USD"),(40,"USD")], "partial_refund"),
"p26_zh_coupon_issued": ("2027-02-12T11:00:00+08:00", [
 (C,"说好48小时发货 第五天才发 你们不补偿一下吗"),
 (M,"确实是我们发晚了 小妹给您申请一张15元的无门槛券 今天之内到账"),
 (C,"行吧"),
], [], [(15,"CNY")], "coupon"),
"p27_hk_conditional_swap": ("2027-02-12T12:00:00+08:00", [
 (C,"部手機有條線喺個mon度"),
 (M,"唔好意思 我哋聽日安排速遞上門收機檢查"),
 (M,"確認係質量問題嘅話 會幫你換過部新嘅"),
], [], [], None),
"p28_en_store_credit": ("2027-02-13T10:00:00-05:00", [
 (C,"the jacket's seam is coming loose but I still want to wear it"),
 (M,"Sorry! I can add a $25 store credit to your account, or you can return it for a refund."),
 (C,"the credit works"),
 (M,"Done, the $25 credit is on your account now."),
], [], [(25,"USD")], "coupon"),
"p29_zh_auto_refund_policy": ("2027-02-13T11:00:00+08:00", [
 (C,"我买的那个火锅套餐券 199的 月底就过期了"),
 (M,"亲 这个券过期未使用是自动退款的哦 不会损失的"),
 (C,"好的"),
], [], [(199,"CNY")], None),
}
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here,"calls"), exist_ok=True); os.makedirs(os.path.join(here,"expected"), exist_ok=True)
for name,(started,lines,orders,amounts,refund) in calls.items():
    t=0
    with open(os.path.join(here,"calls",name+".jsonl"),"w") as f:
        for sp,text in lines:
            dur=max(1500,len(text)*120)
            f.write(json.dumps({"speaker":"customer" if sp==C else "merchant","text":text,"startMs":t,"endMs":t+dur},ensure_ascii=False)+"\n")
            t+=dur+800
    exp={"startedAt":started,"orderNumbers":orders,"amounts":[{"value":v,"currency":c} for v,c in amounts],
         "promises":[],"flags":[],"recommendedRefund":refund,"hardNegatives":[],
         "note":"notesr probe (session 18); only order numbers, amounts and the refund kind labelled"}
    with open(os.path.join(here,"expected",name+".json"),"w") as f: json.dump(exp,f,ensure_ascii=False,indent=2)
print(len(calls))
