import { describe, expect, it } from 'vitest';
import { encodeCsvCell, type CsvCellValue } from './encode-csv-cell';
import { exportSavingsCsv } from './export-savings-csv';
import type { SavingsReport } from './load-savings-report';

const ATTACK = "x,=2+5+cmd|' /C calc'!A0";

describe('encodeCsvCell', () => {
  it.each<[string, CsvCellValue, string]>([
    ['empty for null', null, ''],
    ['empty for undefined', undefined, ''],
    ['plain text as is', 'Билайн', 'Билайн'],
    ['a number as is', 1.5, '1.5'],
    ['a boolean as is', true, 'true'],
    ['a formula guarded', '=SUM(A1)', "'=SUM(A1)"],
    ['a plus formula guarded', '+1+1', "'+1+1"],
    ['a minus formula guarded', "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['an @ function guarded', '@SUM(1)', "'@SUM(1)"],
    ['a leading tab guarded and quoted', '\t=1', '"\'\t=1"'],
    ['a leading CR guarded and quoted', '\r=1', '"\'\r=1"'],
    ['a negative amount kept', '-12.50', '-12.50'],
    ['a negative number value kept', -12.5, '-12.5'],
    ['a comma-decimal amount kept and quoted', '-12,50', '"-12,50"'],
    ['an E.164 phone number kept', '+79161234567', '+79161234567'],
    ['a spaced phone number guarded', '+7 916 123-45-67', "'+7 916 123-45-67"],
    ['an infinite number guarded', -Infinity, "'-Infinity"],
    ['a comma-separated formula quoted', ATTACK, `"${ATTACK}"`],
    ['a semicolon quoted', 'x;y', '"x;y"'],
    ['a tab inside quoted', 'a\tb', '"a\tb"'],
    ['quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break quoted', 'a\nb', '"a\nb"'],
    ['a guarded cell with a quote', '="a"', '"\'=""a"""'],
    ['a date as is', '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z'],
  ])('%s', (_name, value, expected) => {
    expect(encodeCsvCell(value)).toBe(expected);
  });
});

describe('exportSavingsCsv', () => {
  it('a line named like a formula stays one text cell in comma and semicolon readers', () => {
    const report: SavingsReport = {
      summary: {
        calls: 1,
        answered: 1,
        cost: 150,
        baselineCost: 250,
        ratio: 1.67,
        onNetShare: 1,
        lostTo: { busy: 0, caps: 0, unknownCarrier: 0, noCarrierLine: 0 },
      },
      trunks: [
        { trunkId: 1, name: ATTACK, calls: 1, answered: 1, minutes: 1, onNetCalls: 1, cost: 150, baselineCost: 250 },
      ],
      sims: [],
      days: [],
    };
    const lines = exportSavingsCsv(report, 'en').split('\r\n');
    expect(lines.find((line) => line.startsWith('line;'))).toBe(`line;"${ATTACK}";1;1;1.50;2.50;1;;;;;`);
  });
});
