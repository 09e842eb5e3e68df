import type { Order, UserRole } from '../../core/domain.js';

/** The demo tenants, people and order facts every fresh embedded install starts with. */
export const DEMO_PASSWORD = 'kefu-demo';

export const DEMO_MERCHANTS = [
  { id: 'm-guoyuan', name: '鲜果园旗舰店', platform: 'pinduoduo', timeZone: 'Asia/Shanghai' },
  { id: 'm-dianqi', name: '优品电器专营店', platform: 'jd', timeZone: 'Asia/Shanghai' },
  { id: 'm-gadgets', name: 'Northwind Gadgets', platform: 'temu', timeZone: 'America/Los_Angeles' },
] as const;

export const DEMO_USERS: {
  email: string;
  displayName: string;
  role: UserRole;
  merchantId: string | null;
  locale: string;
}[] = [
  { email: 'fruit@demo.kefu', displayName: '王店长', role: 'merchant_staff', merchantId: 'm-guoyuan', locale: 'zh-CN' },
  {
    email: 'appliance@demo.kefu',
    displayName: '李客服',
    role: 'merchant_staff',
    merchantId: 'm-dianqi',
    locale: 'zh-CN',
  },
  { email: 'gadgets@demo.kefu', displayName: 'Sam Lee', role: 'merchant_staff', merchantId: 'm-gadgets', locale: 'en' },
  { email: 'mod1@demo.kefu', displayName: '审核员 赵', role: 'moderator', merchantId: null, locale: 'zh-CN' },
  { email: 'mod2@demo.kefu', displayName: 'Jordan Kim', role: 'moderator', merchantId: null, locale: 'en' },
  { email: 'admin@demo.kefu', displayName: 'Alex Morgan', role: 'admin', merchantId: null, locale: 'en' },
  // A second admin: automatic rules and reviewer roles need two (decision 0171).
  { email: 'admin2@demo.kefu', displayName: '管理员 陈', role: 'admin', merchantId: null, locale: 'zh-CN' },
];

const DAY = 24 * 3600 * 1000;

/** Order facts relative to `now`, so refund windows (7 days, 48 h…) are live in the demo. */
export function demoOrders(now: Date): Order[] {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  return [
    {
      id: '240611587736219',
      merchantId: 'm-guoyuan',
      buyerId: 'b-zhang',
      buyerName: '张**',
      currency: 'CNY',
      status: 'delivered',
      items: [{ sku: 'FR-APL-5', name: '烟台红富士苹果 5斤装', quantity: 1, unitPrice: 39.9, category: 'fresh_food' }],
      amount: 39.9,
      placedAt: ago(4),
      paidAt: ago(4),
      shippedAt: ago(3),
      deliveredAt: ago(1),
    },
    {
      id: '240612009813342',
      merchantId: 'm-guoyuan',
      buyerId: 'b-liu',
      buyerName: '刘**',
      currency: 'CNY',
      status: 'paid',
      items: [{ sku: 'FR-MGO-3', name: '海南贵妃芒果 3斤', quantity: 2, unitPrice: 29.5, category: 'fresh_food' }],
      amount: 59,
      placedAt: ago(5),
      paidAt: ago(5),
      shippedAt: null,
      deliveredAt: null,
    },
    {
      id: '240605771204518',
      merchantId: 'm-dianqi',
      buyerId: 'b-chen',
      buyerName: '陈**',
      currency: 'CNY',
      status: 'delivered',
      items: [{ sku: 'AP-WM-8', name: '滚筒洗衣机 8公斤', quantity: 1, unitPrice: 1899, category: 'appliance' }],
      amount: 1899,
      placedAt: ago(9),
      paidAt: ago(9),
      shippedAt: ago(8),
      deliveredAt: ago(6),
    },
    {
      id: '240609335120077',
      merchantId: 'm-dianqi',
      buyerId: 'b-zhang',
      buyerName: '张**',
      currency: 'CNY',
      status: 'delivered',
      items: [{ sku: 'AP-KT-1', name: '电热水壶 1.7L', quantity: 1, unitPrice: 89, category: 'appliance' }],
      amount: 89,
      placedAt: ago(3),
      paidAt: ago(3),
      shippedAt: ago(2),
      deliveredAt: ago(1),
    },
    {
      id: '7731904452',
      merchantId: 'm-gadgets',
      buyerId: 'b-jones',
      buyerName: 'j***s',
      currency: 'USD',
      status: 'delivered',
      items: [
        { sku: 'GD-EB-2', name: 'Wireless earbuds', quantity: 1, unitPrice: 49.99, category: 'electronics' },
        { sku: 'GD-CB-1', name: 'USB-C cable', quantity: 2, unitPrice: 7.5, category: 'electronics' },
      ],
      amount: 64.99,
      placedAt: ago(6),
      paidAt: ago(6),
      shippedAt: ago(5),
      deliveredAt: ago(2),
    },
    {
      id: '7731907788',
      merchantId: 'm-gadgets',
      buyerId: 'b-garcia',
      currency: 'USD',
      status: 'shipped',
      items: [{ sku: 'GD-PB-10', name: 'Power bank 10000 mAh', quantity: 1, unitPrice: 29, category: 'electronics' }],
      amount: 29,
      placedAt: ago(8),
      paidAt: ago(8),
      shippedAt: ago(2),
      deliveredAt: null,
    },
  ];
}
