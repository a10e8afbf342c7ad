import { describe, expect, it } from 'vitest';
import { demoCarrierGroups, INN } from '@/lib/routing/demo-routing-settings';
import { suggestCarrierGroups } from './suggest-carrier-groups';

const newId = (key: string) => `new-${key}`;

describe('suggestCarrierGroups', () => {
  it('starts four groups from nothing, MVNOs with their reported hosts', () => {
    const groups = suggestCarrierGroups([], 'ru', newId);
    expect(groups.map((g) => [g.id, g.name])).toEqual([
      ['new-beeline', 'Билайн'],
      ['new-megafon', 'МегаФон'],
      ['new-mts', 'МТС'],
      ['new-t2', 'Т2'],
    ]);
    expect(groups.find((g) => g.id === 'new-t2')!.inns).toEqual(
      expect.arrayContaining([INN.t2, INN.tMobile, INN.sber]),
    );
    expect(groups.find((g) => g.id === 'new-megafon')!.inns).toContain(INN.yota);
  });

  it(
    "keeps the ids of the groups holding each carrier's own ИНН, whatever their names, " +
      'and never duplicates an ИНН',
    () => {
      const custom = { id: '99', name: 'Мой MVNO', inns: [INN.tMobile, '1234567890'] };
      const groups = suggestCarrierGroups([...demoCarrierGroups, custom], 'en', newId);
      expect(groups.map((g) => g.id)).toEqual(['beeline', 'megafon', 'mts', 't2', '99']);
      expect(groups.find((g) => g.id === 't2')!.inns).toContain(INN.tMobile);
      expect(groups.find((g) => g.id === '99')!.inns).toEqual(['1234567890']);
      const all = groups.flatMap((g) => g.inns);
      expect(new Set(all).size).toBe(all.length);
    },
  );
});
