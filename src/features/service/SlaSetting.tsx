import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { DEFAULT_SLA_MINUTES } from '../../metrics/registry/operations';
import { useAppStore } from '../../stores/app-store';

/** The most a link keeps (url-state's `sla`): a week. */
const MAX_SLA = 7 * 24 * 60;

/** The SLA of the view in minutes: the link's, else METRICS.md's default. */
export function useSlaMinutes(): number {
  return useAppStore((s) => s.view.sla) ?? DEFAULT_SLA_MINUTES;
}

/** Whole minutes from 1 to a week, or null. */
export function parseSla(text: string): number | null {
  const minutes = Number(text.trim());
  return /^\d+$/.test(text.trim()) && minutes >= 1 && minutes <= MAX_SLA ? minutes : null;
}

/**
 * The SLA setting of the Service page (METRICS.md "Customer service": a setting, default 60 minutes).
 * Applied on Enter or when the field is left, so typing "120" is one change of the view, not three.
 */
export function SlaSetting() {
  const t = useT();
  const sla = useSlaMinutes();
  const setView = useAppStore((s) => s.setView);
  // What is being typed; none: the view's SLA (which a link or Back may change).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(sla);
  const apply = () => {
    const minutes = parseSla(text);
    setDraft(null);
    if (minutes === null) return;
    // The link leaves the default out (url-state), so 60 set here reads back as no setting.
    if (minutes !== sla) setView({ sla: minutes });
  };
  const invalid = parseSla(text) === null;
  return (
    <form
      className="control"
      data-control="sla"
      title={t('service.slaHelp', { minutes: DEFAULT_SLA_MINUTES })}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label htmlFor="service-sla">{t('service.sla')}</label>
      <input
        id="service-sla"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_SLA}
        step={1}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby="service-sla-help"
        style={{ width: 76 }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
      />
      <span>{t('service.slaUnit')}</span>
      <span id="service-sla-help" hidden>
        {t('service.slaHelp', { minutes: DEFAULT_SLA_MINUTES })}
      </span>
    </form>
  );
}
