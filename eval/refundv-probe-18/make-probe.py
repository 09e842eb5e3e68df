# Writes the refundv probe (session 18): calls/*.jsonl and expected/*.json. Only the recommended
# refund kind is labelled (blind-r's refund-kind conventions, which lookalike-v follows); order
# numbers, amounts, promises and flags are left empty and are not scored here.
import json, os
C, M = "c", "m"
calls = {
# --- size and variant exchanges said without the word "replacement"
"r01_size_swap_en_asr": ("2027-02-08T10:00:00-05:00", [
 (C,"hey so the boots came but they're way too tight I think I need a size up"),
 (M,"oh no okay what size did you get"),
 (C,"the eight"),
 (M,"no problem I'll switch you to the eight and a half just send the eights back with the label I'm emailing and the new pair ships as soon as they're scanned"),
 (C,"perfect thanks"),
], "replacement"),
"r02_size_swap_zh_chat": ("2027-02-08T11:00:00+08:00", [
 (C,"亲 裤子小了 腰那里扣不上"),
 (M,"亲亲您拍的是S码对吧 建议换M哦"),
 (C,"好 怎么弄"),
 (M,"您在订单里点换货 选M码 寄回来的运费险会赔的 仓库收到就给您发M"),
 (C,"好的"),
], "replacement"),
"r03_size_question_only_lookalike": ("2027-02-08T12:00:00+08:00", [
 (C,"这个卫衣我一米七二 一百四十斤穿什么码"),
 (M,"亲 建议拿L码哦 版型偏宽松"),
 (C,"好 那我拍L"),
], None),
"r04_size_exchange_refused": ("2027-02-08T13:00:00-05:00", [
 (C,"the dress is too big can I swap it for a small"),
 (M,"I'm sorry that one was on clearance and it's final sale so we can't exchange or return it"),
 (C,"ugh fine"),
], None),
# --- refunds already under way when the buyer calls
"r05_cancelled_refund_status_en": ("2027-02-09T09:30:00-08:00", [
 (C,"hi I cancelled my order on monday and I'm just checking on the refund"),
 (M,"sure can I have the order number"),
 (C,"it's four four eight one two oh nine seven"),
 (M,"thanks so the cancellation went through and the sixty four fifty was refunded to your paypal yesterday it can take a few days to show"),
 (C,"great thank you"),
], "refund_only"),
"r06_cancelled_refund_status_zh": ("2027-02-09T10:00:00+08:00", [
 (C,"我昨天取消的那个订单 钱退了没有"),
 (M,"亲 订单号发一下哈"),
 (C,"5120347788"),
 (M,"查到了亲 已经取消成功 退款已经原路退回您的支付宝了 注意查收哦"),
 (C,"好 谢谢"),
], "refund_only"),
"r07_returned_refund_status_zh": ("2027-02-09T11:00:00+08:00", [
 (C,"我那双鞋退回去好几天了 钱还没到"),
 (M,"您好 麻烦报下订单号"),
 (C,"六七零二八八一三五"),
 (M,"好的 仓库前天已经签收了 财务今天给您退 原路退回到您的银行卡"),
 (C,"行"),
], "return_refund"),
"r08_returned_refund_status_en": ("2027-02-09T12:00:00-05:00", [
 (C,"I sent the blender back two weeks ago and still no refund"),
 (M,"let me look, yes we got it back on the 3rd, I'm processing the refund now, it goes back to your card"),
 (C,"ok thanks"),
], "return_refund"),
"r09_status_only_lookalike": ("2027-02-09T13:00:00-05:00", [
 (C,"hi where's my order it was supposed to come yesterday"),
 (M,"let me check it's out for delivery today with the courier"),
 (C,"oh ok great"),
], None),
# --- a remedy nobody settled on
"r10_scam_call_reported_zh": ("2027-02-10T10:00:00+08:00", [
 (C,"刚才有人打电话说是你们客服 说我的快递丢了要给我理赔退款 让我下载个app"),
 (M,"亲 那个不是我们 是诈骗电话 您的包裹正常在运输中"),
 (M,"我们不会让您下载任何app 也不会要验证码 您直接挂掉就行"),
 (C,"好的 吓我一跳"),
], None),
"r11_scam_text_reported_en": ("2027-02-10T11:00:00-05:00", [
 (C,"I got a text saying my package was damaged and I'd get a full refund if I clicked a link is that you"),
 (M,"no that's not us please don't click it your order is fine and arrives thursday"),
 (C,"ok good thanks"),
], None),
"r12_offplatform_bound_exchange": ("2027-02-10T12:00:00+08:00", [
 (C,"订单6612908834 台灯买回来不亮 能换吗"),
 (M,"亲 平台上不好处理 您加一下小妹v 号是店名加66"),
 (M,"加了之后换货都在微信上给您弄"),
 (C,"哦 好吧"),
], None),
"r13_refused_then_elsewhere_en": ("2027-02-10T13:00:00-05:00", [
 (C,"the earrings I bought don't suit me I want a refund"),
 (M,"sorry for hygiene reasons pierced earrings can't be returned once they've left us"),
 (C,"I still want my money back"),
 (M,"I understand, you can raise it with the marketplace if you'd like them to look at it"),
 (C,"fine"),
], None),
"r14_order_changed_before_dispatch": ("2027-02-10T14:00:00+00:00", [
 (C,"morning I've just ordered the blue mug but I meant the green one"),
 (M,"no worries it hasn't gone out yet, I'll change it to the green and post it today"),
 (C,"brilliant cheers"),
], None),
# --- settled remedies in other words (controls)
"r15_faulty_exchange_new_unit": ("2027-02-11T10:00:00+08:00", [
 (C,"hello the kettle I bought last week cannot boil already the light also never on"),
 (M,"sorry ah can I have the order number"),
 (C,"five five three one two oh eight"),
 (M,"okay still under warranty I'll send you a new kettle tomorrow and our driver take back the faulty one"),
 (C,"ok thanks"),
], "replacement"),
"r16_damaged_return_refund": ("2027-02-11T11:00:00+08:00", [
 (C,"收到的花瓶碎了 订单7720145563"),
 (M,"非常抱歉 您申请退货退款就行 我这边马上同意 碎片寄回来运费我们出"),
 (C,"好"),
], "return_refund"),
"r17_cancel_request_pending_lookalike": ("2027-02-11T12:00:00+08:00", [
 (C,"我想取消订单 还没发货吧"),
 (M,"亲 已经打包好了 小妹去问问仓库能不能拦截 有结果了回复您"),
 (C,"好"),
], None),
"r18_exchange_after_inspection": ("2027-02-11T13:00:00-05:00", [
 (C,"my vacuum stopped charging after a week"),
 (M,"sorry about that, send it back with the prepaid label and once our techs confirm the battery fault we'll send you a new one"),
 (C,"ok will do"),
], "replacement"),
}
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here,"calls"), exist_ok=True); os.makedirs(os.path.join(here,"expected"), exist_ok=True)
for name,(started,lines,refund) in calls.items():
    t=0
    with open(os.path.join(here,"calls",name+".jsonl"),"w") as f:
        for sp,text in lines:
            dur=max(1500,len(text)*120)
            f.write(json.dumps({"speaker":"customer" if sp==C else "merchant","text":text,"startMs":t,"endMs":t+dur},ensure_ascii=False)+"\n")
            t+=dur+800
    exp={"startedAt":started,"orderNumbers":[],"amounts":[],
         "promises":[],"flags":[],"recommendedRefund":refund,"hardNegatives":[],
         "note":"refundv probe (session 18); only the refund kind labelled"}
    with open(os.path.join(here,"expected",name+".json"),"w") as f: json.dump(exp,f,ensure_ascii=False,indent=2)
print(len(calls))
