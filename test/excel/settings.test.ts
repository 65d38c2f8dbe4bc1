/** Settings saved in the workbook and restored; missing or corrupt values read as nothing saved. */
import { defaultScheme, preset } from '../../src/core';
import { loadSettings, saveSettings, SETTINGS_KEY, type SavedSettings } from '../../src/excel';
import { book } from './helpers';

const SAVED: SavedSettings = {
  version: 1,
  lang: 'zh',
  preset: 'custom',
  scheme: { ...defaultScheme(), methods: { r: { kind: 'breaks', cutoffs: [7, 30, 90, 180] }, f: { kind: 'quintile' }, m: { kind: 'raw' } } },
  layout: { header: 'auto', r: 2, f: 3, m: 4, id: 0 },
};

test('settings round-trip under one key', async () => {
  const mem = book();
  expect(await loadSettings(mem.Excel)).toBeUndefined();
  await saveSettings(mem.Excel, SAVED);
  expect(Object.keys(mem.workbook.getSettings())).toEqual([SETTINGS_KEY]);
  expect(await loadSettings(mem.Excel)).toEqual(SAVED);
  const other: SavedSettings = { version: 1, preset: 'hohhot', scheme: preset('hohhot'), layout: { r: 'B', f: '频次' } };
  await saveSettings(mem.Excel, other);
  expect(await loadSettings(mem.Excel)).toEqual(other);
  expect(Object.keys(mem.workbook.getSettings())).toEqual([SETTINGS_KEY]);
});

test('nested binning round-trips; a bad binning reads as nothing saved (docs/binning.md)', async () => {
  const mem = book();
  const nested: SavedSettings = { ...SAVED, scheme: { ...SAVED.scheme, binning: 'nested' } };
  await saveSettings(mem.Excel, nested);
  expect(await loadSettings(mem.Excel)).toEqual(nested);
  mem.workbook.setSetting(SETTINGS_KEY, JSON.stringify({ ...SAVED, scheme: { ...SAVED.scheme, binning: 'sideways' } }));
  await expect(loadSettings(mem.Excel)).resolves.toBeUndefined();
});

test.each([
  ['not JSON', '{"version":1,'],
  ['a number', 42],
  ['another version', JSON.stringify({ ...SAVED, version: 2 })],
  ['no scheme', JSON.stringify({ version: 1, layout: {} })],
  ['weights not adding up to 1', JSON.stringify({ ...SAVED, scheme: { ...SAVED.scheme, weights: ['0.5', '0.5', '0.5'] } })],
  ['a bad method', JSON.stringify({ ...SAVED, scheme: { ...SAVED.scheme, methods: { r: { kind: 'magic' }, f: { kind: 'raw' }, m: { kind: 'raw' } } } })],
  ['a bad layout', JSON.stringify({ ...SAVED, layout: { r: -1 } })],
  ['a bad header mode', JSON.stringify({ ...SAVED, layout: { header: 'maybe' } })],
])('corrupt settings (%s) read as nothing saved', async (_, value) => {
  const mem = book();
  mem.workbook.setSetting(SETTINGS_KEY, value);
  await expect(loadSettings(mem.Excel)).resolves.toBeUndefined();
});

test('settings stored as an object (not a JSON string) are accepted; unknown language is dropped', async () => {
  const mem = book();
  mem.workbook.setSetting(SETTINGS_KEY, { ...SAVED, lang: 'fr' });
  const { lang, ...rest } = SAVED;
  expect(lang).toBe('zh');
  expect(await loadSettings(mem.Excel)).toEqual(rest);
});
