/** Range.format: fill, font, column widths and row heights (the cell-format layers of the document). */
import { formatRect, rect } from './addresses';
import type { FormatProp, FormatValue } from './document';
import { FORMAT_DEFAULTS } from './document';
import { ClientObject, type ScalarGetters } from './proxy';
import { type RangeRef, alive, assertEditable, normalizeColor, readFormat, writeFormat } from './rules';

abstract class FormatPart extends ClientObject<RangeRef> {
  protected _fmt(prop: FormatProp, fallback: FormatValue): (r: RangeRef) => unknown {
    return (r) => readFormat(r, prop, fallback);
  }

  protected _write(name: string, prop: FormatProp, value: FormatValue | undefined): void {
    this._setProp(name, value, (ref) => writeFormat(this._env, ref, prop, value, `${this._typeName}.${name}`));
  }
}

export class RangeFormatProxy extends FormatPart {
  get _typeName(): string {
    return 'RangeFormat';
  }

  protected _scalars(): ScalarGetters<RangeRef> {
    return {
      horizontalAlignment: this._fmt('horizontalAlignment', 'General'),
      verticalAlignment: this._fmt('verticalAlignment', 'Bottom'),
      wrapText: this._fmt('wrapText', false),
      columnWidth: (r) => r.sheet.columnWidths.uniform(rect(0, r.area.c0, 0, r.area.c1), 48),
      rowHeight: (r) => r.sheet.rowHeights.uniform(rect(r.area.r0, 0, r.area.r1, 0), 15),
    };
  }

  protected _navNames(): readonly string[] {
    return ['fill', 'font'];
  }

  get fill(): RangeFillProxy {
    return this._child('fill', () => new RangeFillProxy(this.context, this, () => this._resolve()));
  }

  get font(): RangeFontProxy {
    return this._child('font', () => new RangeFontProxy(this.context, this, () => this._resolve()));
  }

  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._write('horizontalAlignment', 'horizontalAlignment', v);
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._write('verticalAlignment', 'verticalAlignment', v);
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._write('wrapText', 'wrapText', v);
  }

  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._setProp('columnWidth', v, (ref) => {
      alive(ref.sheet, 'RangeFormat.columnWidth');
      assertEditable(ref.sheet, 'columns', 'RangeFormat.columnWidth');
      ref.sheet.columnWidths.setRect(rect(0, ref.area.c0, 0, ref.area.c1), v);
    });
  }

  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._setProp('rowHeight', v, (ref) => {
      alive(ref.sheet, 'RangeFormat.rowHeight');
      assertEditable(ref.sheet, 'rows', 'RangeFormat.rowHeight');
      ref.sheet.rowHeights.setRect(rect(ref.area.r0, 0, ref.area.r1, 0), v);
    });
  }

  autofitColumns(): void {
    this._action('autofitColumns', [], (ref) => {
      alive(ref.sheet, 'RangeFormat.autofitColumns');
      assertEditable(ref.sheet, 'columns', 'RangeFormat.autofitColumns');
      ref.sheet.autofitColumnsCalls.push(formatRect(ref.area));
    });
  }

}

export class RangeFillProxy extends FormatPart {
  get _typeName(): string {
    return 'RangeFill';
  }

  protected _scalars(): ScalarGetters<RangeRef> {
    return { color: this._fmt('fill', '#FFFFFF'), pattern: (r) => (readFormat(r, 'fill', '') === '' ? 'None' : 'Solid') };
  }

  /** "#RRGGBB"; "#FFFFFF" when there is no fill; null when cells differ. */
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._props.set('color', v);
    this._action('color=', v, (ref) => writeFormat(this._env, ref, 'fill', normalizeColor(v, 'RangeFill.color'), 'RangeFill.color'));
  }

  get pattern(): string {
    return this._get('pattern');
  }

  clear(): void {
    this._action('clear', [], (ref) => writeFormat(this._env, ref, 'fill', undefined, 'RangeFill.clear'));
  }
}

export class RangeFontProxy extends FormatPart {
  get _typeName(): string {
    return 'RangeFont';
  }

  protected _scalars(): ScalarGetters<RangeRef> {
    const d = FORMAT_DEFAULTS;
    return {
      bold: this._fmt('fontBold', d.fontBold as boolean),
      italic: this._fmt('fontItalic', d.fontItalic as boolean),
      color: this._fmt('fontColor', d.fontColor as string),
      name: this._fmt('fontName', d.fontName as string),
      size: this._fmt('fontSize', d.fontSize as number),
      underline: this._fmt('fontUnderline', d.fontUnderline as string),
      strikethrough: this._fmt('fontStrikethrough', d.fontStrikethrough as boolean),
    };
  }

  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._write('bold', 'fontBold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._write('italic', 'fontItalic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._props.set('color', v);
    this._action('color=', v, (ref) => writeFormat(this._env, ref, 'fontColor', normalizeColor(v, 'RangeFont.color'), 'RangeFont.color'));
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._write('name', 'fontName', v);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._write('size', 'fontSize', v);
  }
  get underline(): string {
    return this._get('underline');
  }
  set underline(v: string) {
    this._write('underline', 'fontUnderline', v);
  }
  get strikethrough(): boolean {
    return this._get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this._write('strikethrough', 'fontStrikethrough', v);
  }
}
