import type { MessageTable } from './index';

/**
 * Period over period in the task pane (docs/periods.md, src/taskpane/components/PeriodsSection.tsx,
 * src/excel/periods.ts, src/excel/runSheets.ts): the scale of an earlier run, the comparison with the
 * previous period, the parameters sheet of every run, and the pane's own wording of the problems
 * (the command line's name its options).
 */
const en = {
  'pp.heading': 'Period over period',
  'pp.intro':
    'Every run records itself on a parameters sheet (“{sheet}”): the scheme, the columns, the cut values used and the counts. A later run can use that scale, and compare its grades with that period.',
  'pp.scale': 'Use the scale of an earlier run',
  'pp.scaleFrom': 'Parameters sheet of that run',
  'pp.scaleHint':
    'Scores this table with that run’s scheme and cut values, so a grade changes only when the customer does; the scheme above is not used. Values beyond the earlier range get the end scores, and the pane says how many.',
  'pp.workbookHint':
    'From another workbook: copy its parameters sheet (and, to compare, its scored sheet) into this workbook first (right-click the sheet tab → Move or Copy). Cell B3 of a parameters sheet names its scored sheet.',
  'pp.previous': 'Compare with the previous period',
  'pp.previousFrom': 'Previous period (a scored sheet of this workbook)',
  'pp.previousHint':
    'Matches customers by the customer ID column. Adds a column “{change}” next to the grade and a sheet “{sheet}”: the grade migration matrix, who fell (with both periods’ R, F, M), who rose, new and gone customers, and the early warning — customers who were {grades} and dropped, largest previous M first.',
  'pp.choose': 'Choose…',
  'pp.none': 'No earlier run in this workbook yet: run once, and the parameters sheet it writes can be used here.',
  'pp.refresh': 'Look for earlier runs again',
  'pp.optionScale': '“{sheet}”, run {time} (“{params}”)',
  'pp.optionPrevious': '“{sheet}”, run {time} (“{params}”)',
  'pp.optionBad': '“{params}”: cannot be read ({cell})',
  'pp.optionThis': '“{sheet}”: the sheet being scored',
  'pp.formulasNote': 'Live formulas rank live: the scale of an earlier run and the comparison need Output: Values.',
  'pp.schemeNote': 'The scheme comes from “{params}”: the Scheme section is not used while this is on.',

  // Refusals (nothing is written).
  'pp.formulas': 'Live formulas rank live: using the scale of an earlier run or comparing periods needs Output: Values.',
  'pp.chooseScale': 'Choose the run whose scale to use (Period over period).',
  'pp.choosePrevious': 'Choose the previous period (Period over period).',
  'pp.noId': 'Comparing periods needs the customer ID column: choose it under Columns.',
  'pp.noParams':
    'Sheet “{sheet}” is not a parameters sheet of RFM Grader (its A1 must read “{title}”); choose another earlier run, or look for them again.',
  'pp.badParams': 'The parameters sheet “{sheet}” cannot be read at {cell}: {detail}',
  'pp.noRecord': 'The parameters sheet “{sheet}” holds no record of its run (an earlier version wrote it): score that period again.',
  'pp.prevSheetMissing':
    'The parameters sheet “{params}” belongs to the sheet “{sheet}”, which is not in this workbook. If you copied the sheets from another workbook, type the scored sheet’s name in cell B3 of “{params}”.',
  'pp.prevSameSheet':
    'The previous period must be another sheet: “{sheet}” is the table being scored now. Put this period on its own sheet (or copy the previous period’s scored sheet and parameters sheet into this workbook).',
  'pp.noIdColumn': 'The previous period, {where}, has no customer ID column “{header}” (header row {row}); both periods need the same ID column.',
  'pp.mappingDiffers':
    'The {role} column differs between the periods: {previousWhere} used {previous}, {currentWhere} has {current}; choose the same columns in both periods (or rename the header).',
  'pp.gradesDiffer':
    'The grades differ: {where} has {previous}, this run {current}; use the same grade labels, or the scale of that run (it brings its scheme).',
  'pp.prevChanged':
    '{where} has changed since it was scored: {cell} reads “{found}”, its parameters sheet says “{expected}”; undo the change, or score that period again.',
  'pp.migrationTooLarge': 'The migration sheet would need {rows} rows, more than a sheet holds (1,048,576).',
  'pp.where': 'sheet “{sheet}”',
  'pp.whereNew': 'the new sheet',

  // The migration sheet (the command line's lines name its option).
  'pp.scaleSame': 'Both periods are graded on the previous period’s cut values: a change comes from the customer.',
  'pp.scaleDiffers':
    'This period was scored on its own scale: a change can come from shifted quintile cut-offs as well as from the customer (use the scale of the previous run).',

  // What the pane shows after a preview or a run.
  'pp.scaleUsed': 'Scored on the scale of {from}.',
  'pp.inside': 'Every value is within the earlier range.',
  'pp.ownScale':
    'This period was scored on its own scale, so some changes may come from shifted cut-offs: tick “Use the scale of an earlier run” to score it on the previous scale.',
  'pp.warningNone': 'Early warning: no customer of grade {grades} dropped or disappeared.',
  'pp.warningHeading': 'Early warning: {count} customers were {grades} and dropped or disappeared',
  'pp.previewNote': 'Nothing is written by the preview: Run adds the column “{change}” and the sheet “{sheet}”.',
  'pp.migrationDone': 'Added the column “{change}” and the sheet “{sheet}”.',
  'pp.paramsDone': 'The run is recorded on the sheet “{sheet}” (scheme, columns, cut values used, counts).',
  'pp.show': 'Go to “{sheet}”',
};

export const panePeriodMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'pp.heading': '与上期对比',
    'pp.intro': '每次运行都会在参数工作表(“{sheet}”)中记录本次的评分方案、列对应、实际使用的分界值和数量。以后的运行可以沿用其标尺,并与该期比较客户等级。',
    'pp.scale': '沿用以前一次运行的评分标尺',
    'pp.scaleFrom': '该次运行的参数工作表',
    'pp.scaleHint': '按该次运行的评分方案和分界值为本表评分,等级只会因客户本身的变化而改变;上方的评分方案不再使用。超出原范围的数值取两端的得分,面板会显示数量。',
    'pp.workbookHint': '来自其他工作簿:请先把它的参数工作表(若要对比,还有其评分工作表)复制到本工作簿(右键单击工作表标签 → 移动或复制)。参数工作表的 B3 单元格为其评分工作表的名称。',
    'pp.previous': '与上一期对比',
    'pp.previousFrom': '上一期(本工作簿中已评分的工作表)',
    'pp.previousHint':
      '按客户编号列匹配客户。在客户等级旁添加“{change}”列,并添加工作表“{sheet}”:等级迁移矩阵、等级下降的客户(两期的 R、F、M 并列)、等级上升的客户、新客户和已消失的客户,以及预警名单——原为 {grades} 级且等级下降的客户,按上期 M 从大到小排列。',
    'pp.choose': '请选择…',
    'pp.none': '本工作簿中还没有以前的运行:运行一次后,它写入的参数工作表即可在此使用。',
    'pp.refresh': '重新查找以前的运行',
    'pp.optionScale': '“{sheet}”,运行于 {time}(“{params}”)',
    'pp.optionPrevious': '“{sheet}”,运行于 {time}(“{params}”)',
    'pp.optionBad': '“{params}”:无法读取({cell})',
    'pp.optionThis': '“{sheet}”:正在评分的工作表',
    'pp.formulasNote': '实时公式会实时排名:沿用以前的标尺和与上期对比需要输出方式“数值”。',
    'pp.schemeNote': '评分方案取自“{params}”:开启此项时不使用“评分方案”部分。',

    'pp.formulas': '实时公式会实时排名:沿用以前的标尺或与上期对比需要输出方式“数值”。',
    'pp.chooseScale': '请选择要沿用其标尺的运行(与上期对比)。',
    'pp.choosePrevious': '请选择上一期(与上期对比)。',
    'pp.noId': '对比两期需要客户编号列:请在“列”中选择。',
    'pp.noParams': '工作表“{sheet}”不是 RFM 评分工具的参数工作表(其 A1 应为“{title}”);请选择其他运行,或重新查找。',
    'pp.badParams': '无法读取参数工作表“{sheet}”的 {cell}:{detail}',
    'pp.noRecord': '参数工作表“{sheet}”中没有其运行记录(由较早的版本写入):请重新为该期评分。',
    'pp.prevSheetMissing': '参数工作表“{params}”属于工作表“{sheet}”,但本工作簿中没有该工作表。如果是从其他工作簿复制过来的,请在“{params}”的 B3 单元格中填写评分工作表的名称。',
    'pp.prevSameSheet': '上一期必须是另一张工作表:“{sheet}”是本次正在评分的表。请把本期数据放在单独的工作表中(或把上一期的评分工作表和参数工作表复制到本工作簿)。',
    'pp.noIdColumn': '上一期({where})中没有客户编号列“{header}”(表头第 {row} 行);两期需要相同的客户编号列。',
    'pp.mappingDiffers': '两期的{role}列不同:{previousWhere}使用 {previous},{currentWhere}为 {current};两期请选择相同的列(或修改表头)。',
    'pp.gradesDiffer': '等级不同:{where}为 {previous},本次为 {current};请使用相同的等级名称,或沿用该次运行的标尺(会同时沿用其评分方案)。',
    'pp.prevChanged': '{where}在评分后被修改过:{cell} 为“{found}”,参数工作表记录为“{expected}”;请撤销修改,或重新为该期评分。',
    'pp.migrationTooLarge': '等级迁移工作表需要 {rows} 行,超过一张工作表的行数(1,048,576)。',
    'pp.where': '工作表“{sheet}”',
    'pp.whereNew': '新工作表',

    'pp.scaleSame': '两期均按上一期的分界值评分:等级变化来自客户本身。',
    'pp.scaleDiffers': '本期按自身数据计算标尺:等级变化既可能来自客户,也可能来自五等分分界值的变动(请沿用上一期的标尺)。',

    'pp.scaleUsed': '按{from}的标尺评分。',
    'pp.inside': '所有数值都在原范围之内。',
    'pp.ownScale': '本期按自身数据计算标尺,部分等级变化可能来自分界值的变动:勾选“沿用以前一次运行的评分标尺”可按上期标尺评分。',
    'pp.warningNone': '预警:没有原为 {grades} 级的客户等级下降或消失。',
    'pp.warningHeading': '预警:{count} 位原为 {grades} 级的客户等级下降或已消失',
    'pp.previewNote': '预览不写入任何内容:运行时才添加“{change}”列和工作表“{sheet}”。',
    'pp.migrationDone': '已添加“{change}”列和工作表“{sheet}”。',
    'pp.paramsDone': '本次运行记录在工作表“{sheet}”中(评分方案、列对应、实际使用的分界值、数量)。',
    'pp.show': '转到“{sheet}”',
  },
};
