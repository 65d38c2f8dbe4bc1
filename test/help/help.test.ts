/**
 * The help page (src/help/render.ts; dist/help/en-US.html and zh-CN.html, the manifest's SupportUrl
 * and LearnMoreUrl): every section in both languages, the registered schemes as the engine defines
 * them, the version, and no script.
 */
import { PRESET_IDS, preset } from '../../src/core';
import { HELP_FILES, renderHelp, schemeRows } from '../../src/help/render';
import { helpMessages } from '../../src/i18n/help';
import { t, type Lang } from '../../src/i18n';

const LANGS: Lang[] = ['en', 'zh'];

describe.each(LANGS)('the %s help page', (lang) => {
  const html = renderHelp(lang, '9.8.7');

  test('has every section heading and its text', () => {
    for (const key of ['help.what.heading', 'help.use.heading', 'help.rules.heading', 'help.schemes.heading', 'help.privacy.heading', 'help.about.heading'] as const) {
      expect(html).toContain(`<h2>${t(lang, key)}</h2>`);
    }
    expect(html).toContain(t(lang, 'help.privacy.body').slice(0, 20));
  });

  test('shows the version it was built with', () => {
    expect(html).toContain(t(lang, 'help.version', { version: '9.8.7' }));
    expect(html).toContain(t(lang, 'help.about.body', { version: '9.8.7' }));
  });

  test('lists every registered scheme, one table row each', () => {
    expect(schemeRows(lang)).toHaveLength(PRESET_IDS.length);
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(PRESET_IDS.length);
  });

  test('has no script, a strict CSP and a link to the other language', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(`href="${HELP_FILES[lang === 'en' ? 'zh' : 'en']}"`);
  });
});

test('the scheme table follows the presets of the engine', () => {
  const [shanghai, , maoming, template] = schemeRows('en');
  expect(shanghai).toEqual(['Shanghai', 'Weighted 0.3/0.3/0.4', 'Quintiles (k = 5)', 'Quintiles (k = 5)', 'Quintiles (k = 5)', 'A ≥ 4, B ≥ 3, C ≥ 2, D otherwise']);
  expect(maoming[1]).toBe('Additive R + F + M');
  expect(maoming[3]).toBe('Raw value');
  const m = preset('template').methods.m;
  expect(m.kind).toBe('breaks');
  expect(template[4]).toBe(`Cut-offs ${m.kind === 'breaks' ? m.cutoffs.join(', ') : ''}`);
  expect(schemeRows('zh')[3][2]).toBe('分界值30、60、90、180');
  expect(schemeRows('zh')[0]).toEqual(['上海', '加权0.3/0.3/0.4', '五分位（分档数5）', '五分位（分档数5）', '五分位（分档数5）', 'A≥4、B≥3、C≥2、其余为D']);
});

test('HTML in the strings is escaped', () => {
  expect(renderHelp('en', '<b>1</b>')).toContain('Version &#60;b&#62;1&#60;/b&#62;');
  expect(renderHelp('en', '<b>1</b>')).not.toContain('<b>1</b>');
});

test('the Chinese help strings follow the house style', () => {
  for (const [key, text] of Object.entries(helpMessages.zh)) {
    if (!/[\u4e00-\u9fff]/.test(text)) continue;
    expect({ key, straightQuotes: /["']/.test(text) }).toEqual({ key, straightQuotes: false });
    expect({ key, halfWidth: /[\u4e00-\u9fff][,:;()?!]|[,:;()?!][\u4e00-\u9fff]/.test(text) }).toEqual({ key, halfWidth: false });
    expect({ key, spaced: /[\u4e00-\u9fff] [A-Za-z0-9{]|[A-Za-z0-9}] [\u4e00-\u9fff]/.test(text) }).toEqual({ key, spaced: false });
  }
});
