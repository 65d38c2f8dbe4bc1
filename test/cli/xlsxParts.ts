/**
 * Test helpers for the streaming xlsx path (docs/xlsx.md): packages written part by part from XML
 * we type ourselves (the way Excel and other writers lay them out, not the way exceljs does), and
 * packages read back part by part for byte comparisons.
 */
import { writeFileSync } from 'node:fs';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';

export type Parts = Map<string, Buffer>;

/** Write `parts` (in order) as a zip; `level` 0 stores them uncompressed. */
export async function writeParts(file: string, parts: Array<[string, string | Buffer]>, level = 6): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of parts) {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name, level === 0 ? { compress: false } : { compressionLevel: level });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  writeFileSync(file, Buffer.concat(chunks));
}

/** Every part of a zip, inflated, by name (in the package's order). */
export async function readParts(file: string): Promise<Parts> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  );
  const parts: Parts = new Map();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return parts;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** One customer of the Excel-like fixture: ID, R (days), F, M. */
export interface FixtureCustomer {
  id: string;
  r: number;
  f: number;
  m: number;
}

export const FIXTURE_CUSTOMERS: FixtureCustomer[] = [
  { id: 'C01', r: 5, f: 12, m: 3200 },
  { id: 'C02', r: 40, f: 3, m: 150 },
  { id: 'C03', r: 12, f: 8, m: 980 },
  { id: 'C04', r: 200, f: 1, m: 40 },
  { id: 'C05', r: 3, f: 20, m: 5100 },
  { id: 'C06', r: 90, f: 2, m: 300 },
  { id: 'C07', r: 25, f: 6, m: 760 },
  { id: 'C08', r: 60, f: 4, m: 210 },
  { id: 'C09', r: 8, f: 9, m: 1500 },
  { id: 'C10', r: 150, f: 1, m: 90 },
];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An Excel-like workbook: sheet "客户" with shared strings (one rich text with a phonetic run),
 * inline strings, a shared formula column, merged cells, a table over the data, a frozen header,
 * a conditional format, a comment, a defined name, a calculation chain and a `<dimension>` that
 * lies; sheet "Chart" with a bar chart in a drawing. Parts in Excel's order, CRLF after the
 * declaration as Excel writes it.
 */
export function excelLikeParts(customers: FixtureCustomer[] = FIXTURE_CUSTOMERS): Array<[string, string | Buffer]> {
  const n = customers.length;
  const last = n + 1;
  const strings = ['客户编号', 'R值', 'F值', 'M值', '备注', '折算额'];
  const sst = [
    ...strings.map((s) => `<si><t>${esc(s)}</t></si>`),
    // A rich text ID with a phonetic run: read as "C01" (the run's text left out).
    `<si><r><rPr><b/><sz val="11"/></rPr><t>C</t></r><r><t>01</t></r><rPh sb="0" eb="1"><t>シー</t></rPh></si>`,
    `<si><t xml:space="preserve">VIP </t></si>`,
  ];
  const rows: string[] = [];
  rows.push(
    `<row r="1" spans="1:6" s="1" customFormat="1">${strings.map((_, c) => `<c r="${'ABCDEF'[c]}1" s="1" t="s"><v>${c}</v></c>`).join('')}</row>`,
  );
  customers.forEach((cu, i) => {
    const r = i + 2;
    const id = i === 0 ? `<c r="A${r}" t="s"><v>6</v></c>` : `<c r="A${r}" t="inlineStr"><is><t>${esc(cu.id)}</t></is></c>`;
    const note = i === 0 ? `<c r="E${r}" t="s"><v>7</v></c>` : '';
    const f = i === 0 ? `<f t="shared" ref="F2:F${last}" si="0">D2*2</f>` : '<f t="shared" si="0"/>';
    rows.push(
      `<row r="${r}" spans="1:6">${id}<c r="B${r}"><v>${cu.r}</v></c><c r="C${r}"><v>${cu.f}</v></c><c r="D${r}" s="3"><v>${cu.m}</v></c>${note}<c r="F${r}" s="3">${f}<v>${cu.m * 2}</v></c></row>`,
    );
  });
  const sheet1 =
    DECL +
    `<worksheet ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    '<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:B2"/>' +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
    '<cols><col min="1" max="1" width="12.7109375" customWidth="1"/><col min="5" max="5" width="20" style="2" customWidth="1"/></cols>' +
    `<sheetData>${rows.join('')}</sheetData>` +
    '<mergeCells count="1"><mergeCell ref="E2:E3"/></mergeCells>' +
    `<conditionalFormatting sqref="D2:D${last}"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1000</formula></cfRule></conditionalFormatting>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
  const table1 =
    DECL +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="客户表" displayName="客户表" ref="A1:F${last}" totalsRowShown="0">` +
    `<autoFilter ref="A1:F${last}"/><tableColumns count="6">${strings
      .map((s, c) => (c === 5 ? `<tableColumn id="6" name="${s}" dataDxfId="1"><calculatedColumnFormula>D2*2</calculatedColumnFormula></tableColumn>` : `<tableColumn id="${c + 1}" name="${s}"/>`))
      .join('')}</tableColumns><tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  const comments1 =
    DECL +
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>分析师</author></authors><commentList><comment ref="D1" authorId="0"><text><r><t>含税金额</t></r></text></comment></commentList></comments>`;
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
    ' <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\r\n' +
    ' <v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:200pt;margin-top:2pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>3</x:Column></x:ClientData></v:shape></xml>';
  const sheet2 =
    DECL +
    `<worksheet ${NS}><dimension ref="A1:B3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>` +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Grade</t></is></c><c r="B1" t="inlineStr"><is><t>Count</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>4</v></c></row>' +
    '<row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c><c r="B3"><v>6</v></c></row>' +
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>';
  const drawing1 =
    DECL +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const chart1 =
    DECL +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Chart!$B$1</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>Chart!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Chart!$B$2:$B$3</c:f></c:numRef></c:val></c:ser>' +
    '<c:axId val="100"/><c:axId val="200"/></c:barChart><c:catAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="200"/></c:catAx>' +
    '<c:valAx><c:axId val="200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="100"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';
  const styles =
    DECL +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/></numFmts>' +
    '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF4472C4"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"><alignment vertical="center"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/></dxf></dxfs>' +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';
  const workbook =
    DECL +
    `<workbook ${NS}><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    '<sheets><sheet name="客户" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/></sheets>' +
    `<definedNames><definedName name="大客户金额">客户!$D$2:$D$${last}</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">客户!$A$1:$F$${last}</definedName></definedNames>` +
    '<calcPr calcId="191029"/></workbook>';
  const calcChain = DECL + `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${customers.map((_, i) => `<c r="F${i + 2}" i="1"/>`).join('')}</calcChain>`;
  return [
    [
      '[Content_Types].xml',
      DECL +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/calcChain.xml" ContentType="${CT}.spreadsheetml.calcChain+xml"/>` +
        `<Override PartName="/xl/tables/table1.xml" ContentType="${CT}.spreadsheetml.table+xml"/><Override PartName="/xl/comments1.xml" ContentType="${CT}.spreadsheetml.comments+xml"/>` +
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      DECL +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      DECL +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId5" Type="${REL}/calcChain" Target="calcChain.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/workbook.xml', workbook],
    ['xl/styles.xml', styles],
    ['xl/worksheets/sheet1.xml', sheet1],
    ['xl/worksheets/sheet2.xml', sheet2],
    [
      'xl/worksheets/_rels/sheet1.xml.rels',
      DECL +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/><Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
    ],
    [
      'xl/worksheets/_rels/sheet2.xml.rels',
      DECL + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    ],
    ['xl/tables/table1.xml', table1],
    ['xl/comments1.xml', comments1],
    ['xl/drawings/vmlDrawing1.vml', vml],
    ['xl/drawings/drawing1.xml', drawing1],
    [
      'xl/drawings/_rels/drawing1.xml.rels',
      DECL + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    ],
    ['xl/charts/chart1.xml', chart1],
    ['xl/sharedStrings.xml', DECL + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.join('')}</sst>`],
    ['xl/calcChain.xml', calcChain],
    [
      'docProps/core.xml',
      DECL +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>分析师</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-03-31T08:00:00Z</dcterms:created></cp:coreProperties>',
    ],
  ];
}

/** A one-sheet package from rows of cell XML (`<c>` elements without the row wrapper). */
export function minimalParts(rowsXml: string[], extraSheetXml = ''): Array<[string, string | Buffer]> {
  return [
    [
      '[Content_Types].xml',
      DECL +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    ['_rels/.rels', DECL + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', DECL + `<workbook ${NS}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', DECL + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', DECL + `<worksheet ${NS}><sheetData>${rowsXml.map((r, i) => `<row r="${i + 1}">${r}</row>`).join('')}</sheetData>${extraSheetXml}</worksheet>`],
  ];
}

/** An inline-string cell. */
export function str(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
}

export function num(ref: string, v: number): string {
  return `<c r="${ref}"><v>${v}</v></c>`;
}
