'use client';

import { Button, Card, TextInput } from '@/components/admin/form-controls';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatCount } from '@/lib/format/format-count';
import { formatDateTime } from '@/lib/format/format-date-time';
import { formatPhone } from '@/lib/format/format-phone';
import type { NumberingSummary } from './numbering-types';
import { OverrideForm } from './override-form';
import { useNumberOverrides } from './use-number-overrides';

type OverridesPanelProps = {
  summary: NumberingSummary;
  carrierName(inn: string | null): string;
  onChanged(): void;
  t: ReturnType<typeof useT>;
  lang: Lang;
};

/**
 * Per-number carriers that beat the registry and the MNP data: the admin's own (kept until removed) and learned ones
 * from HLR answers, which expire by themselves and are marked with their expiry so nobody mistakes them for decisions.
 */
export function OverridesPanel({ summary, carrierName, onChanged, t, lang }: OverridesPanelProps) {
  const overrides = useNumberOverrides(onChanged);
  const { list } = overrides;
  return (
    <Card testId="overrides">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold text-base-1">{t('numbering.overrides.title')}</h3>
        <span className="text-xs text-base-3" data-testid="overrides-counts">
          {t('numbering.overrides.admin')}: {formatCount({ value: summary.overrides.admin, lang })} ·{' '}
          {t('numbering.overrides.learned')}: {formatCount({ value: summary.overrides.learned, lang })}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-base-2">{t('numbering.overrides.hint')}</p>
      <OverrideForm carriers={summary.carriers} add={overrides.add} t={t} />
      <div className="mt-4 flex items-center gap-2">
        <TextInput
          label={t('numbering.overrides.search')}
          testId="overrides-search"
          placeholder={t('numbering.overrides.search')}
          value={overrides.search}
          onChange={overrides.setSearch}
          className="max-w-60"
        />
        {list && (
          <span className="text-xs text-base-3">
            {t('numbering.overrides.total')}: {formatCount({ value: list.total, lang })}
          </span>
        )}
      </div>
      {overrides.error && (
        <p role="alert" className="mt-2 text-sm text-alert">
          {localizeMessage(overrides.error, lang)}
        </p>
      )}
      {list && list.rows.length === 0 && <p className="mt-2 text-sm text-base-3">{t('numbering.overrides.empty')}</p>}
      {list && list.rows.length > 0 && (
        <table className="mt-2 w-full table-fixed text-sm" data-testid="overrides-list">
          <thead>
            <tr className="text-left text-xs text-base-3">
              <th className="w-44 py-1 font-semibold">{t('numbering.overrides.number')}</th>
              <th className="w-64 py-1 font-semibold">{t('numbering.overrides.carrier')}</th>
              <th className="w-52 py-1 font-semibold">{t('numbering.overrides.kind')}</th>
              <th className="py-1 font-semibold">{t('numbering.overrides.note')}</th>
              <th className="w-12 py-1" />
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr
                key={`${row.source}-${row.number}`}
                data-testid="override-row"
                data-number={row.number}
                data-source={row.source}
                className="border-t border-base-7 align-top"
              >
                <td className="py-1.5 font-mono text-xs">{formatPhone(row.number)}</td>
                <td className="py-1.5">
                  {carrierName(row.inn)}{' '}
                  <span className="text-xs text-base-3">
                    {t('common.inn')} {row.inn}
                  </span>
                </td>
                <td className="py-1.5 text-xs">
                  {row.source === 'admin' ? (
                    <span className="rounded-2xs bg-blue-tint px-1.5 py-0.5 text-primary">
                      {t('numbering.overrides.adminOne')}
                    </span>
                  ) : (
                    <span className="rounded-2xs bg-orange-tint px-1.5 py-0.5 text-base-2">
                      {t('numbering.overrides.learnedOne')}
                    </span>
                  )}
                  <span className="mt-0.5 block text-base-3">
                    {formatDateTime({ value: row.createdAt, lang })}
                    {row.expiresAt &&
                      ` · ${t('numbering.overrides.expires')} ${formatDateTime({ value: row.expiresAt, lang })}`}
                  </span>
                </td>
                <td className="truncate py-1.5 text-base-2" title={row.note}>
                  {row.note || '—'}
                </td>
                <td className="py-1.5 text-right">
                  {/* A learned answer is every portal's fact about the number: shown, not the admin's to remove. */}
                  {row.source === 'admin' && (
                    <Button
                      kind="danger"
                      title={`${t('admin.remove')} ${formatPhone(row.number)}`}
                      testId="override-remove"
                      onClick={() => void overrides.remove(row.number)}
                    >
                      ✕
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
