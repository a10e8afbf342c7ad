import { describe, expect, it } from 'vitest';
import { compileRoutingSettings } from '../../routing/compile-routing-settings';
import { decideRoute } from '../../routing/decide-route';
import { demoRoutingSettings, INN } from '../../routing/demo-routing-settings';
import type { RoutingContext } from '../../routing/settings/get-routing-context';
import type { ResolvedCarrier } from '../../routing/types';
import { listCallerLines } from './list-caller-lines';
import { presentRouteDecision } from './present-route-decision';

const compiled = compileRoutingSettings(demoRoutingSettings);
const context: RoutingContext = {
  compiled,
  callers: new Map([
    ['101', { extension: '101', departmentIds: ['1'] }],
    ['201', { extension: '201', departmentIds: ['2'] }],
    // In both Sales and HR: HR's restriction must hold, as in the decision.
    ['301', { extension: '301', departmentIds: ['1', '2'] }],
  ]),
  overrides: new Map(),
};
const mts = (source: ResolvedCarrier['source']) => (): ResolvedCarrier => ({
  inn: INN.mts,
  source,
  range: { def: '915', from: '0000000', to: '9999999' },
});
const decide = (extension: string, requestedLine: string | null, source: ResolvedCarrier['source'] = 'registry') =>
  decideRoute({
    number: '79151234567',
    caller: context.callers.get(extension)!,
    requestedLine,
    settings: compiled,
    resolveCarrier: mts(source),
    now: 0,
  });

describe('listCallerLines', () => {
  it.each([
    ['Sales', '101', ['Билайн', 'МегаФон', 'МТС']],
    ['HR', '201', ['HR-1', 'HR-2']],
    ['Sales and HR at once → HR', '301', ['HR-1', 'HR-2']],
    ['unknown extension → every line no HR profile owns', '999', ['Билайн', 'МегаФон', 'МТС']],
  ])('%s', (_name, extension, names) => {
    expect(listCallerLines({ context, extension }).map((line) => line.name)).toEqual(names);
  });

  it('marks busy channels only when the live load is known', () => {
    const mtsId = demoRoutingSettings.trunks.find((t) => t.name === 'МТС')!.id;
    expect(listCallerLines({ context, extension: '101' }).map((line) => line.busy)).toEqual([null, null, null]);
    expect(listCallerLines({ context, extension: '101', occupancy: { [mtsId]: 3 } }).map((line) => line.busy)).toEqual([
      0, 0, 3,
    ]);
  });
});

describe('presentRouteDecision', () => {
  it('names the carrier by brand with its source and renders the reasons', () => {
    const shown = presentRouteDecision(decide('101', null, 'ported'), 'ru');
    expect(shown.carrier).toMatchObject({ brand: 'МТС', source: 'ported', inn: INN.mts });
    expect(shown.trunk).toMatchObject({ name: 'МТС', via: 'carrier' });
    expect(shown.reasons).toEqual([
      'отдел: Продажи',
      'МТС по базе перенесённых номеров (диапазон 915…)',
      '→ МТС (линия оператора клиента)',
    ]);
    expect(shown.refusedChoice).toBeNull();
    expect(presentRouteDecision(decide('101', null), 'en').carrier?.brand).toBe('MTS');
  });

  it("takes the manager's line when allowed and says why another was refused", () => {
    expect(presentRouteDecision(decide('101', '74950000001'), 'ru').trunk).toMatchObject({
      name: 'Билайн',
      via: 'manual',
    });
    const refused = presentRouteDecision(decide('201', '74950000001'), 'en');
    expect(refused.refusedChoice).toBe('line Билайн is not allowed for "HR"');
    expect(refused.trunk?.name).toBe('HR-2');
  });
});
