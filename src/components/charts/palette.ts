/** Chart colours, matched to the CSS variables of the app (styles.css :root). */
export const ACCENT = '#3b5bdb';
export const ACCENT_SELECTED = '#1f3aa8';
export const MUTED_BAR = '#c5cff5';
export const COMPARE = '#adb5bd';
export const SECOND = '#74c0fc';
export const GRID = '#eef0f3';
export const TEXT_2 = '#5b6573';
export const TEXT = '#1c2430';
/** The band behind a hovered bucket. */
export const HOVER = '#f1f3f5';
/** The baseline of a plot. */
export const AXIS = '#dee2e6';
/** Rises and falls in a waterfall; the sign is always written too. */
export const UP = '#2b8a3e';
export const DOWN = '#c92a2a';
/** A target's floor-to-stretch band, and its edge in the legend. */
export const BAND = '#e8edff';
export const BAND_EDGE = '#c5d0fa';
/** Distinct colours for parts of a stack (spend by channel), in order. */
export const CHANNEL_COLORS = ['#3b5bdb', '#74c0fc', '#f59f00', '#2b8a3e', '#ae3ec9', '#e8590c', '#0ca678', '#868e96', '#c92a2a'];
