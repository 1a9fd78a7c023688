import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';

/** Copies the page's address (which holds the whole view) and says so for two seconds. */
export function CopyLink() {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
    } catch {
      // No clipboard permission (an insecure origin or an old browser): select-and-copy fallback.
      const area = document.createElement('textarea');
      area.value = window.location.href;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  };
  return (
    <button type="button" className="btn btn-small copy-link" data-action="copy-link" data-copied={copied || undefined} onClick={() => void copy()} title={t('link.copy')} aria-live="polite">
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" className="copy-link-icon">
        <path d="M6.5 9.5l3-3M7 4.5l1.3-1.3a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.3 1.3a2.5 2.5 0 0 1-3.5-3.5L5.5 8" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
      <span className="copy-link-text">{copied ? `✓ ${t('link.copied')}` : t('link.copy')}</span>
    </button>
  );
}
