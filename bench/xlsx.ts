/**
 * `npm run bench` workbooks (docs/xlsx.md): N generated customers written part by part the way
 * Excel lays a workbook out — IDs and region in the shared strings, a filled bold header row, a
 * filled-down formula column with cached results, a defined name and a second sheet — streamed into
 * the zip so that even 1,048,575 rows take little memory to generate.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import * as yazl from 'yazl';
import type { Customers } from './generate';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const HEADERS = ['客户编号', '地区', 'R值', 'F值', 'M值', '含税金额'];
const REGIONS = ['上海', '北京', '呼和浩特', '茂名'];

function* sheetXml(c: Customers): Generator<string> {
  const n = c.r.length;
  yield `${DECL}<worksheet ${NS}><dimension ref="A1:F${n + 1}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`;
  yield `<row r="1" spans="1:6">${HEADERS.map((_, i) => `<c r="${'ABCDEF'[i]}1" s="1" t="s"><v>${i}</v></c>`).join('')}</row>`;
  const base = HEADERS.length + REGIONS.length;
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const f = i === 0 ? `<f t="shared" ref="F2:F${n + 1}" si="0">E2*1.06</f>` : '<f t="shared" si="0"/>';
    chunk +=
      `<row r="${r}" spans="1:6"><c r="A${r}" t="s"><v>${base + i}</v></c><c r="B${r}" t="s"><v>${HEADERS.length + (i % REGIONS.length)}</v></c>` +
      `<c r="C${r}"><v>${c.r[i]}</v></c><c r="D${r}"><v>${c.f[i]}</v></c><c r="E${r}" s="2"><v>${c.m[i]}</v></c><c r="F${r}" s="2">${f}<v>${Math.round(c.m[i] * 106) / 100}</v></c></row>`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function* sharedStrings(n: number): Generator<string> {
  const count = HEADERS.length + REGIONS.length + n;
  yield `${DECL}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${HEADERS.length + 2 * n}" uniqueCount="${count}">`;
  yield [...HEADERS, ...REGIONS].map((s) => `<si><t>${s}</t></si>`).join('');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += `<si><t>C${String(i + 1).padStart(7, '0')}</t></si>`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sst>`;
}

/** Write the customers as an xlsx workbook; resolves when the file is closed. */
export async function writeCustomersXlsx(file: string, c: Customers): Promise<void> {
  const n = c.r.length;
  const zip = new yazl.ZipFile();
  const add = (name: string, text: string) => zip.addBuffer(Buffer.from(text, 'utf8'), name);
  add(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
  );
  add('_rels/.rels', `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add(
    'xl/workbook.xml',
    `${DECL}<workbook ${NS}><workbookPr/><sheets><sheet name="客户" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets>` +
      `<definedNames><definedName name="含税合计">客户!$F$2:$F$${n + 1}</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  add(
    'xl/styles.xml',
    `${DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>` +
      '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
  zip.addReadStream(Readable.from(sheetXml(c)), 'xl/worksheets/sheet1.xml');
  add(
    'xl/worksheets/sheet2.xml',
    `${DECL}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>客户数据由基准测试生成</t></is></c></row></sheetData></worksheet>`,
  );
  zip.addReadStream(Readable.from(sharedStrings(n)), 'xl/sharedStrings.xml');
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.pipe(out);
  });
}
