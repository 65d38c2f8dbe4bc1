/**
 * The Excel I/O of the task pane: every Office.js call of the product, behind functions that take
 * the `Excel` namespace as a parameter (real Excel, or the in-memory workbook in tests and preview).
 */
export * from './types';
export { currentTable, onSelectionChange } from './selection';
export { scoreTableInExcel } from './read';
export { planWrite, writeOutput, selectCell, newSheetName, gradeFill } from './write';
export { loadSettings, saveSettings, parseSettings, SETTINGS_KEY } from './settings';
export { PAYLOAD_BUDGET } from './util';
export { aggregateSalesInExcel, scoreSales, writeCustomerSheet, customerSheetName, type SalesOptions } from './transactions';
export {
  planFormulaWrite,
  writeFormulas,
  formulaColumnCount,
  insightOf,
  type OutputMode,
  type FormulaWriteResult,
  type FormulaWriteOptions,
} from './formulas';
export { createSummarySheet, summarySheetName, type SummaryWriteResult, type SummaryTableInfo } from './summary';
export {
  ADDIN_TOOL,
  ADDIN_TX_TOOL,
  paramSheetName,
  migrationSheetName,
  placeMigration,
  paramsGrid,
  type RunSheetsPlan,
} from './runSheets';
export {
  listEarlierRuns,
  readEarlierRun,
  readPeriods,
  readPreviousPeriod,
  comparePeriodsInExcel,
  valuesSheetOf,
  whereOf,
  paneError,
  type EarlierRun,
  type EarlierRunInfo,
  type Periods,
  type PeriodsChoice,
  type Compared,
} from './periods';
export { capabilities, hasExcelApi, MIN_EXCEL_API, type Capability, type CapabilityFeature } from './capabilities';
export { writeListSheet, listSheetName, type ListWriteResult } from './lists';
