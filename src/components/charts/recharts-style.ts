import { AXIS, TEXT_2 } from './palette';

/** Axis text and lines for the recharts charts, the same as the charts the d3 layer draws. */
export const AXIS_TICK = { fill: TEXT_2, fontSize: 12 };
export const AXIS_LINE = { stroke: AXIS };
