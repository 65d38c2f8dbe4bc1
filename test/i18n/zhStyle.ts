/**
 * The Chinese house style of docs/glossary.md as a checker: full-width punctuation in Chinese
 * sentences, curly quotes, no space between Chinese and numbers or Latin words, the glossary's terms
 * (the retired ones fail) and option values shown by their Chinese names.
 *
 * Exceptions are explicit and few:
 * - command-line tokens (`--scale-from 上期.xlsx`, `rfm-score`, `--ties average|min|first`) may be
 *   followed by a space and carry English option values: the user types them as written;
 * - runs of two or more spaces align the columns of the command-line help;
 * - ALLOWED_CODE: code shown to the reader (an Excel formula).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MessageTable } from '../../src/i18n';

/** Code shown verbatim inside a Chinese sentence. */
export const ALLOWED_CODE: readonly string[] = ['INT(k × (排名 − 1) / n)'];

/** Words the glossary retired (docs/glossary.md, "Retired words"). */
export const RETIRED: readonly (string | RegExp)[] = [
  '五等分',
  '分段点',
  '固定分段',
  '标题行',
  '购买次数',
  '分析期间',
  '标尺',
  '登记方案',
  '到访次数',
  '已消失',
  'NTILE',
  'JSON',
  '数据块',
  /(?<![右左关按])键/,
];

/** English option values that must never stand in a Chinese sentence without their Chinese name. */
const OPTION_VALUES = /(?<![A-Za-z])(average|min|first|weighted|additive|quintile|raw|breaks|mean|median|scores|values|auto|yes|no)(?![A-Za-z])/g;

const HAN = '\\p{Script=Han}';
const FULL = '，。：；（）？！、“”';
const CLI_TOKEN = /(?<=^|[\s（“：[/])(?:--?[a-z][\w-]*|rfm-score)(?: [^\s（），；：、“”]+)?(?=$|[\s（）”，；：、\]|])/gu;

function neutralize(text: string): string {
  let s = text;
  for (const code of ALLOWED_CODE) s = s.split(code).join('¤');
  return s.replace(CLI_TOKEN, '¤');
}

/** Faults of one piece of Chinese text as the user sees it (placeholders already filled). */
export function zhFaults(text: string): string[] {
  const faults: string[] = [];
  const s = neutralize(text);
  const han = new RegExp(`[${HAN}${FULL}]`, 'u');
  const halfTouching = new RegExp(`[${HAN}${FULL}][,:;()?!]|[,:;()?!][${HAN}${FULL}]`, 'u');
  const m1 = halfTouching.exec(s);
  if (m1) faults.push(`half-width punctuation next to Chinese: “${m1[0]}”`);
  if (s.includes('"')) faults.push('straight double quote');
  if ((s.match(/“/g) ?? []).length !== (s.match(/”/g) ?? []).length) faults.push('unbalanced curly quotes');
  const spaced = new RegExp(`(?<! )(?:[${HAN}] (?=[A-Za-z0-9])|[A-Za-z0-9%] (?=[${HAN}])|[${FULL}] (?=\\S)|(?<=\\S) [${FULL}])(?! )`, 'u');
  const m2 = spaced.exec(s);
  if (m2) faults.push(`space between Chinese and a number or Latin word: “${m2[0]}”`);
  for (const term of RETIRED) {
    const found = typeof term === 'string' ? s.includes(term) : term.test(s);
    if (found) faults.push(`retired term ${String(term)}`);
  }
  if (han.test(s)) {
    for (const m of s.matchAll(OPTION_VALUES)) {
      const after = s.slice(m.index + m[0].length);
      if (!after.startsWith('（') && !(m[0] === 'breaks' && after.startsWith(':'))) faults.push(`English option value “${m[0]}”`);
    }
  }
  return faults;
}

/**
 * Fill a template's placeholders. `{option}` is a command-line flag, `{set}` a requirement-set version; every other placeholder is
 * filled with `fill` (a Chinese word to catch punctuation, a Latin one to catch spaces).
 */
export function fillTemplate(template: string, fill: string): string {
  // `{set}` is always an ExcelApi version number (docs/requirements.md), written after "ExcelApi "
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'option' ? '--sheet' : name === 'set' ? '1.13' : fill));
}

/** Faults of a zh template: checked filled with a Chinese word and with a Latin one. */
export function templateFaults(template: string): string[] {
  // `{sheet}!{address}` is Excel's own address syntax, whatever fills it
  const excelAddress = template.replace(/\}!\{/g, '}¤{');
  return [...new Set([...zhFaults(fillTemplate(excelAddress, '值')), ...zhFaults(fillTemplate(excelAddress, 'A1'))])];
}

/** Every message table of src/i18n (each file exports one; new files are picked up too). */
export function allTables(): { file: string; table: MessageTable<string> }[] {
  const dir = path.join(__dirname, '../../src/i18n');
  const found: { file: string; table: MessageTable<string> }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && 'en' in value && 'zh' in value) found.push({ file, table: value as MessageTable<string> });
    }
  }
  return found;
}
