/**
 * Period over period (docs/periods.md): the checks before two periods are compared or a period is scored on an earlier scale —
 * the same columns (R, F, M and the customer ID) in both runs — and which column of the earlier
 * sheet holds the IDs. Pure; the messages name both tables and the cells (docs/periods.md).
 */
import { t, type Lang } from '../i18n';
import { cellAddress } from './address';
import { RfmError } from './errors';
import type { Layout } from './layout';
import type { ColumnRole } from './columns';
import type { RunRecord } from './runRecord';
import { metricName } from './scheme';
import type { CellValue } from './types';

export interface CurrentTable {
  /** `sheet "Customers" of 2025-11.xlsx` */
  where: string;
  layout: Layout;
  /** 0-based row of the header in the sheet (origin included), -1 when none. */
  headerRow: number;
  headerCells: readonly CellValue[];
  /** Sheet position of the table's first cell when layout indexes are table-relative (pane). */
  origin?: { row: number; column: number };
}

export interface MappingDifference {
  role: ColumnRole;
  previous: { cell: string; header?: string };
  current: { cell: string; header?: string };
}

function text(v: CellValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function roleName(role: ColumnRole, lang: Lang): string {
  return role === 'id' ? t(lang, 'period.roleId') : metricName(role);
}

/**
 * Roles whose column differs between the earlier run and this table: compared by header text when both
 * have a header row, by column otherwise. The ID is compared only when both runs have one.
 */
export function mappingDifferences(record: RunRecord, current: CurrentTable): MappingDifference[] {
  const o = current.origin ?? { row: 0, column: 0 };
  const diffs: MappingDifference[] = [];
  const roles: ColumnRole[] = ['r', 'f', 'm', 'id'];
  for (const role of roles) {
    const prevCol = record.layout.columns[role];
    const curRel = role === 'id' ? current.layout.id : current.layout.columns[role];
    if (prevCol === undefined || curRel === undefined) continue;
    const curCol = o.column + curRel;
    const prevHeader = record.layout.headers[role];
    const curHeader = current.headerRow >= 0 ? text(current.headerCells[curRel]) : undefined;
    const same = prevHeader !== undefined && curHeader !== undefined ? prevHeader === curHeader : prevCol === curCol;
    if (!same) {
      diffs.push({
        role,
        previous: { cell: cellAddress(prevCol, (record.output.headerRow >= 0 ? record.output.headerRow : record.output.firstDataRow) + 1), header: prevHeader },
        current: { cell: cellAddress(curCol, (current.headerRow >= 0 ? current.headerRow : o.row) + 1), header: curHeader },
      });
    }
  }
  return diffs;
}

/** Throws RfmError('period.mappingDiffers') for the first difference; `previousWhere` names the earlier table. */
export function checkSameMapping(record: RunRecord, previousWhere: string, current: CurrentTable, lang: Lang): void {
  const d = mappingDifferences(record, current)[0];
  if (!d) return;
  const side = (s: { cell: string; header?: string }) => (s.header !== undefined ? `${s.cell} "${s.header}"` : s.cell);
  throw new RfmError('period.mappingDiffers', {
    role: roleName(d.role, lang),
    previousWhere,
    previous: side(d.previous),
    currentWhere: current.where,
    current: side(d.current),
  });
}

/**
 * The earlier sheet's ID column: the one its record names, else the column whose header is this table's
 * ID header (without header rows: the same column). Throws RfmError('period.noIdColumn') naming the
 * file, sheet and header row when there is none.
 */
export function previousIdColumn(
  record: RunRecord,
  previousWhere: string,
  previousHeaderCells: readonly CellValue[],
  current: CurrentTable,
): number {
  const recorded = record.layout.columns.id;
  if (recorded !== undefined) return recorded;
  const o = current.origin ?? { row: 0, column: 0 };
  const curRel = current.layout.id;
  if (curRel === undefined) throw new RfmError('period.noId');
  const curHeader = current.headerRow >= 0 ? text(current.headerCells[curRel]) : undefined;
  if (record.output.headerRow < 0 || curHeader === undefined) {
    if (record.output.headerRow < 0 && curHeader === undefined) return o.column + curRel;
    throw new RfmError('period.noIdColumn', {
      where: previousWhere,
      header: curHeader ?? cellAddress(o.column + curRel, 1).replace(/\d+$/, ''),
      row: (record.output.headerRow >= 0 ? record.output.headerRow : record.output.firstDataRow) + 1,
    });
  }
  const matches = previousHeaderCells.flatMap((v, i) => (text(v) === curHeader ? [i] : []));
  if (matches.length !== 1) {
    throw new RfmError('period.noIdColumn', { where: previousWhere, header: curHeader, row: record.output.headerRow + 1 });
  }
  return matches[0];
}
