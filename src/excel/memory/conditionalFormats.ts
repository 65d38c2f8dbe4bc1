/** Range.conditionalFormats: the cell-value, text and colour-scale rules and their formats. */
import { formatRect, intersect } from './addresses';
import type { ConditionalFormatRecord, HostSheet } from './document';
import { ErrorCodes, invalidArgument, itemNotFound, officeError } from './errors';
import { type AnyProxy, ClientObject, ClientResultImpl, CollectionObject, type ScalarGetters } from './proxy';
import { type RangeRef, alive, assertEditable, normalizeColor } from './rules';
import { RangeProxy } from './range';

export const CONDITIONAL_FORMAT_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

export interface CfRef {
  sheet: HostSheet;
  record: ConditionalFormatRecord;
}

function liveCf(ref: CfRef, location: string): CfRef {
  alive(ref.sheet, location);
  if (ref.record.deleted) throw itemNotFound('the conditional format was deleted', location);
  return ref;
}

export class ConditionalFormatCollectionProxy extends CollectionObject<RangeRef, ConditionalFormatProxy, CfRef> {
  get _typeName(): string {
    return 'ConditionalFormatCollection';
  }

  protected _itemRefs(ref: RangeRef): CfRef[] {
    alive(ref.sheet, 'ConditionalFormatCollection');
    return ref.sheet.conditionalFormats
      .filter((cf) => !cf.deleted && intersect(cf.area, ref.area) !== null)
      .sort((a, b) => a.priority - b.priority)
      .map((record) => ({ sheet: ref.sheet, record }));
  }

  protected _makeItem(ref: CfRef): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, this, () => ref, { preset: { ref } });
  }

  add(type: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        const location = 'ConditionalFormatCollection.add';
        alive(ref.sheet, location);
        assertEditable(ref.sheet, 'format', location);
        if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw invalidArgument(`Unknown conditional format type '${type}'.`, location);
        for (const cf of ref.sheet.conditionalFormats) cf.priority += 1;
        const record: ConditionalFormatRecord = {
          id: this._env.book.newId('cf-'),
          type,
          address: formatRect(ref.area),
          area: ref.area,
          rule: {},
          format: {},
          priority: 0,
          stopIfTrue: false,
          deleted: false,
        };
        ref.sheet.conditionalFormats.push(record);
        this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: record.address, origin: 'api' });
        return { sheet: ref.sheet, record };
      },
      { name: 'add', args: [type], action: true },
    );
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        const found = this._itemRefs(ref).find((c) => c.record.id === id);
        if (!found) throw itemNotFound(`conditional format '${id}'`, 'ConditionalFormatCollection.getItem');
        return found;
      },
      { name: 'getItem', args: [id] },
    );
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        const found = this._itemRefs(ref)[index];
        if (!found) throw itemNotFound(`conditional format #${index}`, 'ConditionalFormatCollection.getItemAt');
        return found;
      },
      { name: 'getItemAt', args: [index] },
    );
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (ref) => this._itemRefs(ref).length);
  }

  clearAll(): void {
    this._action('clearAll', [], (ref) => {
      assertEditable(ref.sheet, 'format', 'ConditionalFormatCollection.clearAll');
      for (const { record } of this._itemRefs(ref)) record.deleted = true;
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((c) => !c.deleted);
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: formatRect(ref.area), origin: 'api' });
    });
  }
}

export class ConditionalFormatProxy extends ClientObject<CfRef> {
  get _typeName(): string {
    return 'ConditionalFormat';
  }

  protected _scalars(): ScalarGetters<CfRef> {
    return {
      id: (r) => r.record.id,
      type: (r) => liveCf(r, 'ConditionalFormat.type').record.type,
      priority: (r) => r.record.priority,
      stopIfTrue: (r) => r.record.stopIfTrue,
    };
  }

  protected _navNames(): readonly string[] {
    return ['textComparison', 'cellValue', 'colorScale'];
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._setProp('priority', v, (ref) => {
      liveCf(ref, 'ConditionalFormat.priority').record.priority = v;
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._setProp('stopIfTrue', v, (ref) => {
      liveCf(ref, 'ConditionalFormat.stopIfTrue').record.stopIfTrue = v;
    });
  }

  private _typed<C extends AnyProxy>(name: string, type: string, make: (resolver: () => CfRef | null) => C): C {
    return this._child(name, () =>
      make(() => {
        const ref = this._resolve();
        if (ref === null) return null;
        liveCf(ref, `ConditionalFormat.${name}`);
        if (ref.record.type !== type) {
          throw officeError(ErrorCodes.invalidOperation, `This conditional format is of type '${ref.record.type}', not '${type}'.`, `ConditionalFormat.${name}`);
        }
        return ref;
      }),
    );
  }

  get textComparison(): TextConditionalFormatProxy {
    return this._typed('textComparison', 'ContainsText', (res) => new TextConditionalFormatProxy(this.context, this, res));
  }

  get cellValue(): CellValueConditionalFormatProxy {
    return this._typed('cellValue', 'CellValue', (res) => new CellValueConditionalFormatProxy(this.context, this, res));
  }

  get colorScale(): ColorScaleConditionalFormatProxy {
    return this._typed('colorScale', 'ColorScale', (res) => new ColorScaleConditionalFormatProxy(this.context, this, res));
  }

  getRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        liveCf(ref, 'ConditionalFormat.getRange');
        return { sheet: ref.sheet, area: ref.record.area };
      },
      { name: 'getRange', args: [] },
    );
  }

  delete(): void {
    this._action('delete', [], (ref) => {
      liveCf(ref, 'ConditionalFormat.delete');
      assertEditable(ref.sheet, 'format', 'ConditionalFormat.delete');
      ref.record.deleted = true;
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((c) => !c.deleted);
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
}

/** Shared by the typed conditional formats: the rule object and a `format` child. */
abstract class RuleHolder extends ClientObject<CfRef> {
  protected _navNames(): readonly string[] {
    return ['format'];
  }

  get format(): ConditionalRangeFormatProxy {
    return this._child('format', () => new ConditionalRangeFormatProxy(this.context, this, () => this._resolve()));
  }

  protected _setRule(value: unknown, allowed: string[]): void {
    this._setProp('rule', value, (ref) => {
      const location = `${this._typeName}.rule`;
      liveCf(ref, location);
      assertEditable(ref.sheet, 'format', location);
      if (value === null || typeof value !== 'object') throw invalidArgument('The rule must be an object.', location);
      const rule: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!allowed.includes(k)) throw invalidArgument(`Unknown rule property '${k}'.`, location);
        rule[k] = v;
      }
      ref.record.rule = rule;
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
}

export class TextConditionalFormatProxy extends RuleHolder {
  get _typeName(): string {
    return 'TextConditionalFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { rule: (r) => ({ ...r.record.rule }) };
  }
  get rule(): { operator: string; text: string } {
    return this._get('rule');
  }
  set rule(v: { operator: string; text: string }) {
    this._setRule(v, ['operator', 'text']);
  }
}

export class CellValueConditionalFormatProxy extends RuleHolder {
  get _typeName(): string {
    return 'CellValueConditionalFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { rule: (r) => ({ ...r.record.rule }) };
  }
  get rule(): { formula1: string; formula2?: string; operator: string } {
    return this._get('rule');
  }
  set rule(v: { formula1: string; formula2?: string; operator: string }) {
    this._setRule(v, ['formula1', 'formula2', 'operator']);
  }
}

export interface ColorScaleCriterion {
  type: string;
  formula?: string | null;
  color?: string | null;
}

export interface ColorScaleCriteria {
  minimum: ColorScaleCriterion;
  midpoint?: ColorScaleCriterion | null;
  maximum: ColorScaleCriterion;
}

const CRITERION_TYPES = ['LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];

/** Checks a colour scale as Excel does: minimum and maximum required, a formula where the type needs one. */
function colorScaleCriteria(value: unknown, location: string): ColorScaleCriteria {
  if (value === null || typeof value !== 'object') throw invalidArgument('The criteria must be an object.', location);
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!['minimum', 'midpoint', 'maximum'].includes(k)) throw invalidArgument(`Unknown criteria property '${k}'.`, location);
  const one = (name: 'minimum' | 'midpoint' | 'maximum'): ColorScaleCriterion => {
    const c = v[name];
    if (c === null || typeof c !== 'object') throw invalidArgument(`The ${name} criterion is missing.`, location);
    const { type, formula, color } = c as Record<string, unknown>;
    if (typeof type !== 'string' || !CRITERION_TYPES.includes(type)) throw invalidArgument(`Unknown ${name} criterion type '${String(type)}'.`, location);
    if ((name === 'minimum' && type === 'HighestValue') || (name === 'maximum' && type === 'LowestValue') || (name === 'midpoint' && /Value$/.test(type))) {
      throw invalidArgument(`The ${name} criterion cannot be of type '${type}'.`, location);
    }
    const needsFormula = !/Value$/.test(type);
    if (needsFormula && (typeof formula !== 'string' || formula.trim() === '')) throw invalidArgument(`The ${name} criterion of type '${type}' needs a formula.`, location);
    return {
      type,
      formula: needsFormula ? (formula as string) : null,
      color: color === undefined || color === null ? null : normalizeColor(color, location),
    };
  };
  const criteria: ColorScaleCriteria = { minimum: one('minimum'), maximum: one('maximum') };
  if (v.midpoint !== undefined && v.midpoint !== null) criteria.midpoint = one('midpoint');
  return criteria;
}

/** A two- or three-colour scale: `criteria` (minimum, optional midpoint, maximum). */
export class ColorScaleConditionalFormatProxy extends ClientObject<CfRef> {
  get _typeName(): string {
    return 'ColorScaleConditionalFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    const criteria = (r: CfRef) => (r.record.rule.criteria as ColorScaleCriteria | undefined) ?? null;
    return {
      criteria: (r) => {
        const c = criteria(r);
        return c === null ? { minimum: null, midpoint: null, maximum: null } : JSON.parse(JSON.stringify(c));
      },
      threeColorScale: (r) => Boolean(criteria(r)?.midpoint),
    };
  }
  get criteria(): ColorScaleCriteria {
    return this._get('criteria');
  }
  set criteria(v: ColorScaleCriteria) {
    this._setProp('criteria', v, (ref) => {
      const location = 'ColorScaleConditionalFormat.criteria';
      liveCf(ref, location);
      assertEditable(ref.sheet, 'format', location);
      ref.record.rule = { criteria: colorScaleCriteria(v, location) };
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
  get threeColorScale(): boolean {
    return this._get('threeColorScale');
  }
}

type CfFormatKey = 'fill' | 'fontColor' | 'bold' | 'italic' | 'numberFormat';

abstract class CfFormatPart extends ClientObject<CfRef> {
  protected _cfWrite(name: string, key: CfFormatKey, value: string | boolean | null, color = false): void {
    this._props.set(name, value);
    this._action(`${name}=`, value, (ref) => {
      const location = `${this._typeName}.${name}`;
      liveCf(ref, location);
      assertEditable(ref.sheet, 'format', location);
      const stored = color && value !== null ? normalizeColor(value, location) : value;
      ref.record.format = { ...ref.record.format, [key]: stored };
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
}

export class ConditionalRangeFormatProxy extends CfFormatPart {
  get _typeName(): string {
    return 'ConditionalRangeFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { numberFormat: (r) => r.record.format.numberFormat ?? null };
  }
  protected _navNames(): readonly string[] {
    return ['fill', 'font'];
  }
  get numberFormat(): string {
    return this._get('numberFormat');
  }
  set numberFormat(v: string) {
    this._cfWrite('numberFormat', 'numberFormat', v);
  }
  get fill(): ConditionalRangeFillProxy {
    return this._child('fill', () => new ConditionalRangeFillProxy(this.context, this, () => this._resolve()));
  }
  get font(): ConditionalRangeFontProxy {
    return this._child('font', () => new ConditionalRangeFontProxy(this.context, this, () => this._resolve()));
  }
}

export class ConditionalRangeFillProxy extends CfFormatPart {
  get _typeName(): string {
    return 'ConditionalRangeFill';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { color: (r) => r.record.format.fill ?? null };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._cfWrite('color', 'fill', v, true);
  }
  clear(): void {
    this._cfWrite('color', 'fill', null);
  }
}

export class ConditionalRangeFontProxy extends CfFormatPart {
  get _typeName(): string {
    return 'ConditionalRangeFont';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return {
      color: (r) => r.record.format.fontColor ?? null,
      bold: (r) => r.record.format.bold ?? null,
      italic: (r) => r.record.format.italic ?? null,
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._cfWrite('color', 'fontColor', v, true);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._cfWrite('bold', 'bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._cfWrite('italic', 'italic', v);
  }
  clear(): void {
    this._cfWrite('color', 'fontColor', null);
  }
}
