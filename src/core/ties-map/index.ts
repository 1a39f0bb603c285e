// The ties map's layout: the only door into this folder.
export { layoutTiesMap } from './layout';
export { estimateLabelWidth, estimateTextWidth, fitLabel, truncateLabel, type LabelStyle } from './labels';
/** Font size (px) the labels are drawn with; the component's CSS must agree. */
export { MAP_FONT_SIZE } from './labels';
export type { MapEdge, MapInput, MapLayout, MapNode, MapRole, MapSide } from './types';
