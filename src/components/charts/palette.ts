/** Chart colours, matched to the CSS variables of the app (styles.css :root). */
export const ACCENT = '#3b5bdb';
export const ACCENT_SELECTED = '#1f3aa8';
export const MUTED_BAR = '#c5cff5';
export const COMPARE = '#adb5bd';
export const SECOND = '#74c0fc';
export const GRID = '#eef0f3';
export const TEXT_2 = '#5b6573';
