import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import type { SmartCheck, SmartLetter } from '../../targets';

const LETTERS = [
  ['specific', 'S'],
  ['measurable', 'M'],
  ['achievable', 'A'],
  ['relevant', 'R'],
  ['timeBound', 'T'],
] as const satisfies readonly (readonly [keyof SmartCheck, string])[];

function verdict(letter: SmartLetter): 'pass' | 'fail' | 'unknown' {
  return letter.pass === null ? 'unknown' : letter.pass ? 'pass' : 'fail';
}

const MARK = { pass: '✓', fail: '!', unknown: '?' } as const;

/** The SMART check letter by letter, each passed, failed or not judged, with its reason in the UI language. */
export function SmartPanel({ check, loading }: { check: SmartCheck | undefined; loading: boolean }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const failing = check ? LETTERS.filter(([key]) => check[key].pass === false).length : 0;
  return (
    <section className="smart" aria-label={t('goals.smart.title')} data-smart={check ? 'ready' : 'pending'}>
      <h3>{t('goals.smart.title')}</h3>
      {!check ? (
        <p className="muted">{loading ? t('goals.smart.checking') : t('goals.smart.needsTarget')}</p>
      ) : (
        <>
          <ul className="smart-list">
            {LETTERS.map(([key, initial]) => {
              const state = verdict(check[key]);
              return (
                <li key={key} className={`smart-item smart-${state}`} data-smart-letter={key} data-smart-state={state}>
                  <span className="smart-letter" aria-hidden="true">
                    {initial}
                  </span>
                  <div>
                    <div className="smart-name">
                      {t(`goals.smart.${key}`)}
                      <span className="smart-mark">
                        <span aria-hidden="true">{MARK[state]} </span>
                        {t(`goals.smart.state.${state}`)}
                      </span>
                    </div>
                    <div className="smart-reason">{check[key].reason[locale]}</div>
                  </div>
                </li>
              );
            })}
          </ul>
          {failing > 0 && <p className="smart-warn">{t('goals.smart.warn', { count: failing })}</p>}
        </>
      )}
    </section>
  );
}
