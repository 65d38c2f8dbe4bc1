/** The RFM engine's public surface. Pure TypeScript: no Office, DOM or file I/O. */
export * from './types';
export { parseCell, parseNumberText, looksNumeric } from './cells';
export { columnLetter, columnIndex, cellAddress } from './address';
export { RfmError } from './errors';
export { detectColumns, isHeaderRow, classifyHeader } from './columns';
export { resolveLayout, type Layout, type LayoutOptions, type HeaderMode, type ColumnRef } from './layout';
export * from './scheme';
export { quintileScores, breaksScores } from './score';
export { createGrader } from './grade';
export { scoreTable, invalidRows, type MetricColumns } from './engine';
export * from './output';
export { TableCollector, scoreRows, invalidAddress, isEmptyCell, type ScoredSheet, type InsightOptions } from './table';
export * from './segments';
export * from './summary';
export * from './dates';
export * from './txColumns';
export * from './transactions';
export * from './formulas';
