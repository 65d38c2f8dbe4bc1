import type { MessageTable } from './index';

/**
 * Period over period in the task pane (docs/periods.md, src/taskpane/components/PeriodsSection.tsx,
 * src/excel/periods.ts, src/excel/runSheets.ts): the scale of an earlier run, the comparison with the
 * previous period, the parameters sheet of every run, and the pane's own wording of the problems
 * (the command line's name its options).
 */
const en = {
  'panePeriod.heading': 'Period over period',
  'panePeriod.intro':
    'Every run records itself on a parameters sheet (“{sheet}”): the scheme, the columns, the cut values used and the counts. A later run can use that scale, and compare its grades with that period.',
  'panePeriod.scale': 'Use the scale of an earlier run',
  'panePeriod.scaleFrom': 'Parameters sheet of that run',
  'panePeriod.scaleHint':
    'Scores this table with that run’s scheme and cut values, so a grade changes only when the customer does; the scheme above is not used. Values beyond the earlier range get the end scores, and the pane says how many.',
  'panePeriod.workbookHint':
    'From another workbook: copy its parameters sheet (and, to compare, its scored sheet) into this workbook first (right-click the sheet tab → Move or Copy). Cell B3 of a parameters sheet names its scored sheet.',
  'panePeriod.previous': 'Compare with the previous period',
  'panePeriod.previousFrom': 'Previous period (a scored sheet of this workbook)',
  'panePeriod.previousHint':
    'Matches customers by the customer ID column. Adds a column “{change}” next to the grade and a sheet “{sheet}”: the grade migration matrix, who fell (with both periods’ R, F, M), who rose, new and gone customers, and the early warning — customers who were {grades} and dropped, largest previous M first.',
  'panePeriod.choose': 'Choose…',
  'panePeriod.none': 'No earlier run in this workbook yet: run once, and the parameters sheet it writes can be used here.',
  'panePeriod.refresh': 'Look for earlier runs again',
  'panePeriod.optionScale': '“{sheet}”, run {time} (“{params}”)',
  'panePeriod.optionPrevious': '“{sheet}”, run {time} (“{params}”)',
  'panePeriod.optionBad': '“{params}”: cannot be read ({cell})',
  'panePeriod.optionThis': '“{sheet}”: the sheet being scored',
  'panePeriod.formulasNote': 'Live formulas rank live: the scale of an earlier run and the comparison need Output: Values.',
  'panePeriod.schemeNote': 'The scheme comes from “{params}”: the Scheme section is not used while this is on.',

  // Refusals (nothing is written).
  'panePeriod.formulas': 'Live formulas rank live: using the scale of an earlier run or comparing periods needs Output: Values.',
  'panePeriod.chooseScale': 'Choose the run whose scale to use (Period over period).',
  'panePeriod.choosePrevious': 'Choose the previous period (Period over period).',
  'panePeriod.noId': 'Comparing periods needs the customer ID column: choose it under Columns.',
  'panePeriod.noParams':
    'Sheet “{sheet}” is not a parameters sheet of RFM Grader (its A1 must read “{title}”); choose another earlier run, or look for them again.',
  'panePeriod.badParams': 'The parameters sheet “{sheet}” cannot be read at {cell}: {detail}',
  'panePeriod.noRecord': 'The parameters sheet “{sheet}” holds no record of its run (an earlier version wrote it): score that period again.',
  'panePeriod.prevSheetMissing':
    'The parameters sheet “{params}” belongs to the sheet “{sheet}”, which is not in this workbook. If you copied the sheets from another workbook, type the scored sheet’s name in cell B3 of “{params}”.',
  'panePeriod.prevSameSheet':
    'The previous period must be another sheet: “{sheet}” is the table being scored now. Put this period on its own sheet (or copy the previous period’s scored sheet and parameters sheet into this workbook).',
  'panePeriod.noIdColumn': 'The previous period, {where}, has no customer ID column “{header}” (header row {row}); both periods need the same ID column.',
  'panePeriod.mappingDiffers':
    'The {role} column differs between the periods: {previousWhere} used {previous}, {currentWhere} has {current}; choose the same columns in both periods (or rename the header).',
  'panePeriod.gradesDiffer':
    'The grades differ: {where} has {previous}, this run {current}; use the same grade labels, or the scale of that run (it brings its scheme).',
  'panePeriod.prevChanged':
    'The previous period, {where}, has changed since it was scored: {cell} reads “{found}”, its parameters sheet says “{expected}”; undo the change, or score that period again.',
  'panePeriod.migrationTooLarge': 'The migration sheet would need {rows} rows, more than a sheet holds (1,048,576).',
  'panePeriod.where': 'sheet “{sheet}”',
  'panePeriod.whereNew': 'the new sheet',

  // The migration sheet (the command line's lines name its option).
  'panePeriod.scaleSame': 'Both periods are graded on the previous period’s cut values: a change comes from the customer.',
  'panePeriod.scaleDiffers':
    'This period was scored on its own scale: a change can come from shifted quintile cut-offs as well as from the customer (use the scale of the previous run).',

  // What the pane shows after a preview or a run.
  'panePeriod.scaleUsed': 'Scored on the scale of {from}.',
  'panePeriod.inside': 'Every value is within the earlier range.',
  'panePeriod.ownScale':
    'This period was scored on its own scale, so some changes may come from shifted cut-offs: tick “Use the scale of an earlier run” to score it on the previous scale.',
  'panePeriod.warningNone': 'Early warning: no customer of grade {grades} dropped or disappeared.',
  'panePeriod.warningHeading': 'Early warning: {count} customers were {grades} and dropped or disappeared',
  'panePeriod.previewNote': 'Nothing is written by the preview: Run adds the column “{change}” and the sheet “{sheet}”.',
  'panePeriod.migrationDone': 'Added the column “{change}” and the sheet “{sheet}”.',
  'panePeriod.paramsDone': 'The run is recorded on the sheet “{sheet}” (scheme, columns, cut values used, counts).',
  'panePeriod.show': 'Go to “{sheet}”',
};

export const panePeriodMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'panePeriod.heading': '与上期对比',
    'panePeriod.intro': '每次评分都会在参数工作表（“{sheet}”）中记录评分方案、所用的列、实际使用的分界值和人数。下一期评分时可以沿用这一期的评分标准，并与这一期对比客户等级。',
    'panePeriod.scale': '沿用上期评分标准（上期分界值）',
    'panePeriod.scaleFrom': '上期的参数工作表',
    'panePeriod.scaleHint': '按上期的评分方案和分界值为本期评分，客户等级只会因客户本身的变化而改变；此时不使用上方的评分方案。超出上期范围的数值取最高分或最低分，窗格会显示人数。',
    'panePeriod.workbookHint': '上期在其他工作簿中：请先把它的参数工作表（若要对比，还有它的评分工作表）复制到本工作簿（右键单击工作表标签 → 移动或复制）。参数工作表的B3单元格写有其评分工作表的名称。',
    'panePeriod.previous': '与上期对比',
    'panePeriod.previousFrom': '上期（本工作簿中已评分的工作表）',
    'panePeriod.previousHint':
      '按客户编号匹配两期的客户。在客户等级旁添加“{change}”列，并新建工作表“{sheet}”：等级迁移矩阵，等级下降的客户（并列两期的R值、F值、M值），等级上升的客户，新增客户和流失客户（本期未出现），以及流失预警名单，即上期为{grades}级、本期等级下降或流失的客户，按上期M值从高到低排列。',
    'panePeriod.choose': '请选择…',
    'panePeriod.none': '本工作簿中还没有评分记录：评分一次后，它写入的参数工作表即可在此选用。',
    'panePeriod.refresh': '重新查找评分记录',
    'panePeriod.optionScale': '“{sheet}”，评分于{time}（“{params}”）',
    'panePeriod.optionPrevious': '“{sheet}”，评分于{time}（“{params}”）',
    'panePeriod.optionBad': '“{params}”：无法读取（{cell}）',
    'panePeriod.optionThis': '“{sheet}”：正在评分的工作表',
    'panePeriod.formulasNote': '输出方式为“公式（自动重算）”时，排名随数据实时变化：沿用上期评分标准和与上期对比都需要把输出方式设为“数值”。',
    'panePeriod.schemeNote': '评分方案取自“{params}”：开启此项时，不使用“评分方案”中的设置。',

    'panePeriod.formulas': '输出方式为“公式（自动重算）”时，排名随数据实时变化：沿用上期评分标准或与上期对比，都需要把输出方式设为“数值”。',
    'panePeriod.chooseScale': '请选择要沿用其评分标准的上期（与上期对比）。',
    'panePeriod.choosePrevious': '请选择上期（与上期对比）。',
    'panePeriod.noId': '与上期对比需要客户编号列：请在“数据列”中选择。',
    'panePeriod.noParams': '工作表“{sheet}”不是RFM客户分级的参数工作表（其A1单元格应为“{title}”）：请选择其他评分记录，或重新查找。',
    'panePeriod.badParams': '参数工作表“{sheet}”已损坏或被改动（{cell}：{detail}）：请重新为该期评分。',
    'panePeriod.noRecord': '参数工作表“{sheet}”由较早的版本写入，没有评分记录：请重新为该期评分。',
    'panePeriod.prevSheetMissing': '参数工作表“{params}”对应的评分工作表“{sheet}”不在本工作簿中。如果这些工作表是从其他工作簿复制过来的，请在“{params}”的B3单元格中填写评分工作表的名称。',
    'panePeriod.prevSameSheet': '上期必须是另一张工作表：“{sheet}”就是本期正在评分的表。请把本期数据放在单独的工作表中（或把上期的评分工作表和参数工作表复制到本工作簿）。',
    'panePeriod.noIdColumn': '上期（{where}）没有客户编号列“{header}”（表头在第{row}行）；两期需要相同的客户编号列。',
    'panePeriod.mappingDiffers': '两期的{role}列不同：{previousWhere}用的是{previous}，{currentWhere}是{current}；请在两期选择相同的列（或修改表头）。',
    'panePeriod.gradesDiffer': '两期的客户等级不同：{where}为{previous}，本期为{current}；请使用相同的等级名称，或沿用上期评分标准（会同时沿用上期的评分方案）。',
    'panePeriod.prevChanged': '{where}在评分后被修改过：{cell}现在是“{found}”，参数工作表记录的是“{expected}”；请撤销修改，或重新为该期评分。',
    'panePeriod.migrationTooLarge': '等级迁移工作表需要{rows}行，超过了一张工作表的行数上限（1,048,576行）。',
    'panePeriod.where': '工作表“{sheet}”',
    'panePeriod.whereNew': '新工作表',

    'panePeriod.scaleSame': '两期都按上期的分界值评分：等级变化来自客户本身。',
    'panePeriod.scaleDiffers': '本期按本期数据重新计算了分界值：等级变化可能来自客户本身，也可能来自五分位分界值的变动（请沿用上期评分标准）。',

    'panePeriod.scaleUsed': '已按{from}的评分标准评分。',
    'panePeriod.inside': '所有数值都在上期的范围之内。',
    'panePeriod.ownScale': '本期按本期数据重新计算了分界值，部分等级变化可能来自分界值的变动：勾选“沿用上期评分标准（上期分界值）”即可按上期的评分标准评分。',
    'panePeriod.warningNone': '流失预警：上期为{grades}级的客户中，没有人等级下降或流失。',
    'panePeriod.warningHeading': '流失预警：{count}位上期为{grades}级的客户等级下降或流失',
    'panePeriod.previewNote': '预览不写入任何内容：运行时才添加“{change}”列和工作表“{sheet}”。',
    'panePeriod.migrationDone': '已添加“{change}”列和工作表“{sheet}”。',
    'panePeriod.paramsDone': '本次评分已记录在工作表“{sheet}”中（评分方案、所用的列、实际使用的分界值、人数）。',
    'panePeriod.show': '转到“{sheet}”',
  },
};
