'use client';

import type { ReactNode } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { localizeMessage } from '@/lib/i18n/localize-message';

/** Small Bitrix24-style form controls shared by the settings pages; an error paints the field and is announced. */
const fieldClass = (error?: string) =>
  `w-full min-w-0 rounded-xs border bg-base-8 px-2 py-1 text-sm text-base-1 outline-none focus:border-primary ${
    error ? 'border-alert bg-red-tint' : 'border-base-5'
  }`;

type Common = { label: string; error?: string; testId?: string; className?: string };

export function TextInput({
  value,
  onChange,
  label,
  error,
  testId,
  className,
  placeholder,
  type = 'text',
}: Common & { value: string; onChange(value: string): void; placeholder?: string; type?: 'text' | 'password' }) {
  return (
    <input
      type={type}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      data-testid={testId}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      className={`${fieldClass(error)} ${className ?? ''}`}
    />
  );
}

/** A number field; empty means `null` (e.g. "no limit") when `nullable`, else 0. `scale` shows kopecks as roubles. */
export function NumberInput(
  props: Common & {
    value: number | null;
    onChange(value: number | null): void;
    nullable?: boolean;
    scale?: number;
    placeholder?: string;
  },
) {
  const { value, onChange, label, error, testId, className, nullable, scale = 1, placeholder } = props;
  return (
    <input
      type="number"
      inputMode="decimal"
      step={scale === 1 ? 1 : 1 / scale}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      data-testid={testId}
      value={value === null || Number.isNaN(value) ? '' : value / scale}
      placeholder={placeholder}
      onChange={(e) => {
        const text = e.target.value.trim();
        if (text === '') return onChange(nullable ? null : 0);
        onChange(Math.round(Number(text) * scale));
      }}
      className={`${fieldClass(error)} text-right tabular-nums ${className ?? ''}`}
    />
  );
}

export function SelectInput({
  value,
  onChange,
  label,
  error,
  testId,
  className,
  children,
}: Common & { value: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <select
      aria-label={label}
      aria-invalid={error ? true : undefined}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={`${fieldClass(error)} ${className ?? ''}`}
    >
      {children}
    </select>
  );
}

/** The server's message for one field, in the page's language, right under the field. */
export function FieldError({ message, path }: { message?: string; path: string }) {
  const { lang } = useB24Frame();
  if (!message) return null;
  return (
    <p role="alert" data-testid="field-error" data-field={path} className="mt-0.5 text-xs leading-tight text-alert">
      {localizeMessage(message, lang)}
    </p>
  );
}

type ButtonProps = {
  children: ReactNode;
  onClick(): void;
  testId?: string;
  disabled?: boolean;
  kind?: 'primary' | 'secondary' | 'danger';
  title?: string;
};

export function Button({ children, onClick, testId, disabled, kind = 'secondary', title }: ButtonProps) {
  const tone = {
    primary: 'bg-primary text-base-8 hover:bg-primary-alt border-primary',
    secondary: 'bg-base-8 text-base-1 border-base-5 hover:border-primary hover:text-primary',
    danger: 'bg-base-8 text-base-3 border-transparent hover:text-alert',
  }[kind];
  return (
    <button
      type="button"
      title={title}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      className={
        `rounded-xs border px-3 py-1 text-sm font-medium transition-colors disabled:cursor-not-allowed ` +
        `disabled:opacity-50 ${tone}`
      }
    >
      {children}
    </button>
  );
}

export function Card({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="rounded-lg bg-base-8 p-4 shadow-sm">
      {children}
    </section>
  );
}
