import { useEffect, useRef, useState } from 'react';
import { useEngineOrNull } from '../../dataset/engine-context';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { addFiles } from './import-actions';

/** Files can be dropped anywhere on the page; they land on the Data page for review. */
export function DropOverlay() {
  const t = useT();
  const engine = useEngineOrNull();
  // Files dropped while the engine is still starting wait for it.
  const waiting = useRef<File[]>([]);
  useEffect(() => {
    if (engine && waiting.current.length) {
      void addFiles(engine, waiting.current);
      waiting.current = [];
    }
  }, [engine]);
  const setView = useAppStore((s) => s.setView);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) {
        setView({ page: 'data' });
        if (engine) void addFiles(engine, files);
        else waiting.current.push(...files);
      }
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [engine, setView]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-live="polite">
      <div className="drop-overlay-inner">{t('import.dropHere')}</div>
    </div>
  );
}
