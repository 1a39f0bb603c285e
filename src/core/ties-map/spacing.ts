/** Spacing of the ties map in px, shared by its layout steps, and the rounding of its output. */

export const PAD_X = 2;
export const PAD_Y = 6;
export const CP_DOT = 4;
export const CP_LABEL_GAP = 5;
/** Minimum spacing of counterparty labels (one line of 11 px text plus air). */
export const CP_MIN_GAP = 15;
export const CP_COMFORT_GAP = 18;
export const PAGE_MIN_ROW = 17;
export const PAGE_MAX_ROW = 24;
export const PILL_PAD = 6;
/** Width a counterparty's dot and the gap before its label add to the label. */
export const CP_EXTRA = CP_DOT * 2 + CP_LABEL_GAP;

export const round = (v: number) => Math.round(v * 10) / 10;
