/**
 * The help page served with the add-in (dist/help/en-US.html, dist/help/zh-CN.html; the manifest's
 * SupportUrl and LearnMoreUrl): what the add-in does, the scoring rules in short, the registered
 * schemes, privacy and the version, as static HTML with no script. Rendered at build time
 * (src/help/template.ts); strings from src/i18n/help.ts, the scheme table from the presets in
 * src/core/scheme.ts so the page cannot drift from the engine. docs/deploy.md → "Help page".
 */
import { PRESET_IDS, preset, type MetricMethod, type PresetId, type Scheme } from '../core';
import { t, type Lang, type MessageKey } from '../i18n';

/** The page file of each language, relative to help/ (the manifest links both). */
export const HELP_FILES: Record<Lang, string> = { en: 'en-US.html', zh: 'zh-CN.html' };
const HTML_LANG: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

/** The help page's own Content-Security-Policy: no script at all, its inline style, the add-in's icon. */
export const HELP_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function methodText(lang: Lang, method: MetricMethod, bins: number): string {
  switch (method.kind) {
    case 'quintile':
      return t(lang, 'help.schemes.quintile', { bins });
    case 'breaks':
      return t(lang, 'help.schemes.breaks', { cutoffs: method.cutoffs.join(t(lang, 'help.schemes.listSeparator')) });
    case 'raw':
      return t(lang, 'help.schemes.raw');
  }
}

function compositeText(lang: Lang, scheme: Scheme): string {
  return scheme.variant === 'weighted'
    ? t(lang, 'help.schemes.weighted', { weights: scheme.weights.join('/') })
    : t(lang, 'help.schemes.additive');
}

function gradesText(lang: Lang, scheme: Scheme): string {
  return scheme.grades
    .map((g) => (g.min === null ? t(lang, 'help.schemes.gradeRest', { label: g.label }) : t(lang, 'help.schemes.gradeAtLeast', { label: g.label, min: g.min })))
    .join(t(lang, 'help.schemes.listSeparator'));
}

/** One row per registered scheme: name, RFM score, R, F, M, grades. */
export function schemeRows(lang: Lang): string[][] {
  return PRESET_IDS.map((id: PresetId) => {
    const s = preset(id);
    return [
      t(lang, `help.preset.${id}` as MessageKey),
      compositeText(lang, s),
      methodText(lang, s.methods.r, s.bins),
      methodText(lang, s.methods.f, s.bins),
      methodText(lang, s.methods.m, s.bins),
      gradesText(lang, s),
    ];
  });
}

const STYLE = `
  body { font-family: 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans SC', sans-serif; margin: 0 auto; max-width: 52rem; padding: 1.5rem; line-height: 1.55; color: #242424; }
  header { display: flex; align-items: center; gap: 0.75rem; }
  header img { width: 32px; height: 32px; }
  h1 { font-size: 1.5rem; margin: 0; flex: 1; }
  h2 { font-size: 1.15rem; margin-top: 1.75rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { border: 1px solid #d1d1d1; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
  th { background: #f5f5f5; }
  .version { color: #616161; }
`;

/** The whole help page of `lang`, stamped with `version` (package.json's, passed in by the build). */
export function renderHelp(lang: Lang, version: string): string {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const text = (key: MessageKey, vars?: Record<string, string | number>) => escape(t(lang, key, vars));
  const section = (heading: MessageKey, body: string) => `<section>\n<h2>${text(heading)}</h2>\n${body}\n</section>`;
  const list = (keys: MessageKey[], vars: Record<string, string> = {}, tag = 'ul') =>
    `<${tag}>\n${keys.map((k) => `<li>${text(k, vars)}</li>`).join('\n')}\n</${tag}>`;
  const headCells = (['help.schemes.scheme', 'help.schemes.composite', 'help.schemes.r', 'help.schemes.f', 'help.schemes.m', 'help.schemes.grades'] as MessageKey[])
    .map((k) => `<th scope="col">${text(k)}</th>`)
    .join('');
  const rows = schemeRows(lang)
    .map((cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${escape(c)}</th>` : `<td>${escape(c)}</td>`)).join('')}</tr>`)
    .join('\n');

  return `<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="${HELP_CSP}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="RFM Grader ${escape(version)}" />
<title>${text('help.title')}</title>
<link rel="alternate" hreflang="${HTML_LANG[other]}" href="${HELP_FILES[other]}" />
<style>${STYLE}</style>
</head>
<body>
<header>
<img src="../assets/icon-32.png" alt="" />
<h1>${text('help.title')}</h1>
<a href="${HELP_FILES[other]}" hreflang="${HTML_LANG[other]}" lang="${HTML_LANG[other]}">${text('help.otherLanguage')}</a>
</header>
<p class="version" data-testid="version">${text('help.version', { version })}</p>
${section('help.what.heading', `<p>${text('help.what.body')}</p>`)}
${section('help.use.heading', list(['help.use.open', 'help.use.select', 'help.use.columns', 'help.use.run'], { use: t(lang, 'pane.range.use'), sheet: t(lang, 'help.use.sheet') }, 'ol'))}
${section('help.rules.heading', list(['help.rules.quintile', 'help.rules.breaks', 'help.rules.raw', 'help.rules.nested', 'help.rules.composite', 'help.rules.grades', 'help.rules.invalid']))}
${section('help.schemes.heading', `<table>\n<thead><tr>${headCells}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n<p>${text('help.schemes.note')}</p>`)}
${section('help.privacy.heading', `<p>${text('help.privacy.body')}</p>`)}
${section('help.about.heading', `<p>${text('help.about.body', { version })}</p>`)}
</body>
</html>
`;
}
