/**
 * Decision 0825: amount mechanisms behind blind set R's errors, on phrasings written for these tests
 * (none is in an eval set or in the notesr probe): a call written in traditional characters is in
 * Taiwan (or Hong Kong), Singlish ah after a greeting, Chinese sums named by a price change, a fee
 * charged, a price then and now, the order or goods they name; 块 as a measure word.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { callSums } from './testing/sums.js';

describe("a call's script places it", () => {
  eachMapsTo('%j → %j', callSums, [
    // traditional characters with no other place word: New Taiwan dollars, 元 and a bare figure alike
    [['這款檯燈還有黑色的嗎', '有喔 一台1290 今天下單明天出貨'], ['1290 TWD']],
    [['吸塵器的濾網裂開了', '抱歉 我們退您480元 三個工作天內入帳'], ['480 TWD']],
    // written Cantonese narrows the same script to Hong Kong
    [['部機壞咗 係咪可以換', '可以 你俾咗$520 我哋全額退返'], ['520 HKD']],
    // simplified characters stay yuan, and so does a currency the call names (hard negatives)
    [['这款台灯还有黑色的吗', '有的 一台129 今天拍明天发'], ['129 CNY']],
    [['我用支付寶付了人民幣350 可以退嗎'], ['350 CNY']],
    // one stray traditional character is a typing slip, not a place (hard negative)
    [['这个锅的把手松了 花了168買的'], ['168 CNY']],
  ]);
});

describe('Singlish ah places a call in Singapore', () => {
  eachMapsTo('%j → %j', callSums, [
    [['hello ah the standing fan i bought the forty five dollar one cannot turn already'], ['45 SGD']],
    [['i paid 60 dollars for the cleaning then nobody come', 'sorry ah we send someone tomorrow'], ['60 SGD']],
    // an American filler ah opening a line places nothing (hard negative)
    [['ah okay so the blender was sixty dollars'], ['60 USD']],
  ]);
});

describe('Chinese sums with no currency word', () => {
  eachMapsTo('%j → %j', callSums, [
    // a price changed for the buyer
    [['能便宜点吗', '行 我给您改成360 您拍吧'], ['360 CNY']],
    // a fee someone charges
    [['送货的说上楼还要收60'], ['60 CNY']],
    // a price then and now (价保)
    [['我买的159 现在129了'], ['159 CNY', '129 CNY']],
    // an order or goods named by their price
    [['麻烦给我开个发票 39.9那单'], ['39.9 CNY']],
    [['是三百二十九那台对吧'], ['329 CNY']],
    // cash back said with 块 before 走 (how it is paid)
    [['好评返3块走微信'], ['3 CNY']],
    // sizes, a review score, a setting, a phone and a measure word are no sums (hard negatives)
    [['我买的38 穿着挤脚'], []],
    [['我买的38 现在39有货吗'], []],
    [['麻烦把评价改成五星'], []],
    [['把亮度从八十改成五十试试'], []],
    [['电话改成 幺三八 零零二一 四四七六'], []],
    [['少了三块层板 还有两块背板'], []],
    [['我们一块走吧'], []],
  ]);
});

describe('English counts beside a price', () => {
  eachMapsTo('%j → %j', callSums, [
    [['the refund of $45 shows in 3 to 5 business days'], ['45 USD']],
    [['is it $24 for 60 capsules?'], ['24 USD']],
    [['i ordered the case for the pixel 8 pro and got one for the 8 plus'], []],
    // the full sum back said as spoken words
    [['you will get the full eighty nine fifty back today'], ['89.5 USD']],
  ]);
});

describe('a figure with the tenths of a shop price', () => {
  eachMapsTo('%j → %j', callSums, [
    [['拼团失败了 29.9还得等两天才退'], ['29.9 CNY']],
    [['那个 15.8 的数据线也有问题'], ['15.8 CNY']],
    // a lens power, a date, a size, a score, a version and a reading are no sums (hard negatives)
    [['左眼-2.75 散光-0.50'], []],
    [['我是11.9号下的单'], []],
    [['脚长23.5 穿多大'], []],
    [['评分只有4.8分'], []],
    [['系统版本2.9的 更新不了'], []],
    [['体温38.8 还能吃吗'], []],
  ]);
});
