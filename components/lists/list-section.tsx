'use client';

import { useState } from 'react';
import { Button, Card, FieldError, SelectInput, TextInput } from '@/components/admin/form-controls';
import type { useT } from '@/components/shell/use-t';
import type { MessageKey } from '@/lib/i18n/messages';
import type { DraftEntry, ListKey, ListsEditor } from './use-lists';

export type PickerOption = { id: string; label: string };

type ListSectionProps = {
  list: ListKey;
  title: MessageKey;
  hint: MessageKey;
  rows: DraftEntry[];
  editor: Pick<ListsEditor, 'fields' | 'add' | 'change' | 'remove'>;
  t: ReturnType<typeof useT>;
  valuePlaceholder: string;
  /** What the value means to a person (a user's name, a formatted number); shown under the value. */
  meaningOf(value: string): string | undefined;
  /** Directory choices (users, departments); without them, rows are added empty and typed in. */
  picker?: { options: PickerOption[]; placeholder: MessageKey };
};

/** One editable list: rows of value + note with their errors, a remove button each, and an add bar. */
export function ListSection({
  list,
  title,
  hint,
  rows,
  editor,
  t,
  valuePlaceholder,
  meaningOf,
  picker,
}: ListSectionProps) {
  const [picked, setPicked] = useState('');
  const field = (index: number, name: 'value' | 'note') => editor.fields[`${list}.${index}.${name}`];
  const taken = new Set(rows.map((row) => row.value.trim()));
  const choices = picker?.options.filter((option) => !taken.has(option.id)) ?? [];

  return (
    <Card testId={`${list}-section`}>
      <h3 className="text-base font-semibold text-base-1">
        {t(title)} <span className="text-sm font-normal text-base-3">({rows.length})</span>
      </h3>
      <p className="mt-0.5 text-xs text-base-2">{t(hint)}</p>
      <div className="mt-3 flex flex-col gap-2">
        {rows.length === 0 && (
          <p className="text-sm text-base-3" data-testid={`${list}-empty`}>
            {t('lists.empty')}
          </p>
        )}
        {rows.map((row, index) => {
          const meaning = meaningOf(row.value.trim());
          return (
            <div
              key={row.key}
              data-testid={`${list}-${index}`}
              className="grid grid-cols-[minmax(0,13rem)_minmax(0,1fr)_auto] items-start gap-2"
            >
              <div className="min-w-0">
                <TextInput
                  label={`${t(title)}: ${t('lists.value')}`}
                  testId={`${list}-${index}-value`}
                  value={row.value}
                  placeholder={valuePlaceholder}
                  error={field(index, 'value')}
                  onChange={(value) => editor.change(list, index, { value })}
                  className="tabular-nums"
                />
                {meaning && (
                  <p
                    className="mt-0.5 truncate text-xs text-base-3"
                    data-testid={`${list}-${index}-meaning`}
                    title={meaning}
                  >
                    {meaning}
                  </p>
                )}
                <FieldError path={`${list}.${index}.value`} message={field(index, 'value')} />
              </div>
              <div className="min-w-0">
                <TextInput
                  label={`${t(title)}: ${t('lists.note')}`}
                  testId={`${list}-${index}-note`}
                  value={row.note}
                  placeholder={t('lists.notePlaceholder')}
                  error={field(index, 'note')}
                  onChange={(note) => editor.change(list, index, { note })}
                />
                <FieldError path={`${list}.${index}.note`} message={field(index, 'note')} />
              </div>
              <Button
                kind="danger"
                title={t('admin.remove')}
                testId={`${list}-${index}-remove`}
                onClick={() => editor.remove(list, index)}
              >
                ✕
              </Button>
            </div>
          );
        })}
      </div>
      <div className="mt-3 flex items-center gap-2">
        {picker && choices.length > 0 && (
          <>
            <SelectInput
              label={t(picker.placeholder)}
              testId={`${list}-picker`}
              value={picked}
              onChange={setPicked}
              className="max-w-xs"
            >
              <option value="">{t(picker.placeholder)}</option>
              {choices.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </SelectInput>
            <Button
              testId={`${list}-add-picked`}
              disabled={!picked}
              onClick={() => {
                editor.add(list, picked);
                setPicked('');
              }}
            >
              + {t('lists.add')}
            </Button>
          </>
        )}
        <Button testId={`${list}-add`} onClick={() => editor.add(list)}>
          + {t(picker ? 'lists.addById' : 'lists.addEntry')}
        </Button>
      </div>
    </Card>
  );
}
