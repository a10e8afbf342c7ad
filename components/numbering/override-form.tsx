'use client';

import { useState } from 'react';
import { FieldError, SelectInput, TextInput } from '@/components/admin/form-controls';
import type { useT } from '@/components/shell/use-t';
import type { CarrierShare } from './numbering-types';
import type { NumberOverrides } from './use-number-overrides';

type OverrideFormProps = { carriers: readonly CarrierShare[]; add: NumberOverrides['add']; t: ReturnType<typeof useT> };

/**
 * Pins one number to a carrier. The carrier is picked by name from the registry's carriers, or typed as an ИНН (a
 * carrier the picker does not list, e.g. an MVNO known only from the catalogue); both edit the same ИНН, so the
 * picker shows the name of a typed ИНН. The server refuses an unknown ИНН at its field.
 */
export function OverrideForm({ carriers, add, t }: OverrideFormProps) {
  const [number, setNumber] = useState('');
  const [inn, setInn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ number?: string; inn?: string; form?: string }>({});
  const picked = carriers.some((c) => c.inn === inn.trim()) ? inn.trim() : '';

  const submit = async () => {
    setBusy(true);
    const result = await add({ number, inn: inn.trim(), note });
    setBusy(false);
    if (result.ok) {
      setNumber('');
      setNote('');
      setErrors({});
      return;
    }
    const { number: numberError, inn: innError } = result.fields;
    setErrors({ number: numberError, inn: innError, form: numberError || innError ? undefined : result.message });
  };

  return (
    <form
      data-testid="override-form"
      className="mt-3 grid grid-cols-[12rem_minmax(0,16rem)_9rem_minmax(0,1fr)_auto] items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div>
        <TextInput
          label={t('numbering.overrides.number')}
          testId="override-number"
          placeholder="+7 915 123-45-67"
          value={number}
          onChange={setNumber}
          error={errors.number}
        />
        <FieldError path="number" message={errors.number} />
      </div>
      <SelectInput
        label={t('numbering.overrides.carrier')}
        testId="override-carrier"
        value={picked}
        onChange={setInn}
        error={errors.inn}
      >
        <option value="">{t('numbering.overrides.pickCarrier')}</option>
        {carriers.map((c) => (
          <option key={c.inn} value={c.inn}>{`${c.brand ?? c.name} — ${c.inn}`}</option>
        ))}
      </SelectInput>
      <div>
        <TextInput
          label={t('numbering.overrides.inn')}
          testId="override-inn"
          placeholder={t('numbering.overrides.inn')}
          value={inn}
          onChange={setInn}
          error={errors.inn}
          className="tabular-nums"
        />
        <FieldError path="inn" message={errors.inn} />
      </div>
      <TextInput
        label={t('numbering.overrides.note')}
        testId="override-note"
        placeholder={t('numbering.overrides.note')}
        value={note}
        onChange={setNote}
      />
      <button
        type="submit"
        data-testid="override-add"
        disabled={busy || !number.trim() || !inn.trim()}
        className={
          'rounded-xs border border-primary bg-primary px-3 py-1 text-sm font-medium text-base-8 ' +
          'hover:bg-primary-alt disabled:opacity-50'
        }
      >
        {t('numbering.overrides.add')}
      </button>
      {errors.form && (
        <div className="col-span-5">
          <FieldError path="form" message={errors.form} />
        </div>
      )}
    </form>
  );
}
