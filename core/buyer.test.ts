import { describe, expect, it } from 'vitest';
import { BuyerNameSchema, buyerTag, buyerWire } from './buyer.js';

describe('buyer names', () => {
  it('accept masked names and refuse full, empty or control-character names, saying why', () => {
    expect(BuyerNameSchema.parse(' 张** ')).toBe('张**');
    expect(BuyerNameSchema.parse('z***g')).toBe('z***g');
    expect(BuyerNameSchema.safeParse('张伟').error?.issues[0]?.message).toMatch(/masked/);
    expect(BuyerNameSchema.safeParse('  ').success).toBe(false);
    expect(BuyerNameSchema.safeParse('张*\u001b[2J').error?.issues[0]?.message).toMatch(/control/);
    expect(BuyerNameSchema.safeParse(`${'*'.repeat(41)}`).success).toBe(false);
  });

  it('tag unnamed buyers with 4 stable digits that differ between buyers', () => {
    expect(buyerTag('b-zhang')).toMatch(/^\d{4}$/);
    expect(buyerTag('b-zhang')).toBe(buyerTag('b-zhang'));
    const tags = new Set(Array.from({ length: 50 }, (_, i) => buyerTag(`buyer-${i}`)));
    expect(tags.size).toBeGreaterThan(45);
    expect(buyerWire('b-zhang', null)).toEqual({ name: null, tag: buyerTag('b-zhang') });
  });
});
