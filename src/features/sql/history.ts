import { parseHistory } from './sql-shape';

const KEY = 'yardstick.sqlHistory';

export function loadHistory(): string[] {
  try {
    return parseHistory(localStorage.getItem(KEY));
  } catch {
    return [];
  }
}

export function saveHistory(history: readonly string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(history));
  } catch {
    // Storage full or disabled: the history then lasts as long as the page.
  }
}
