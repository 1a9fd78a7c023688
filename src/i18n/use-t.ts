import { useCallback } from 'react';
import { useAppStore } from '../stores/app-store';
import { MESSAGES, type MessageKey } from './messages';
import type { Locale } from '../lib/format';

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = MESSAGES[locale][key] ?? MESSAGES.en[key];
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
}

/** The translator for the current UI language. */
export function useT() {
  const locale = useAppStore((s) => s.locale);
  return useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars), [locale]);
}
