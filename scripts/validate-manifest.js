#!/usr/bin/env node
/*
 * `npm run validate`: the checks one can make offline on the add-in manifests (docs/manifest-checks.md
 * lists them and why).
 *
 * - manifest.xml (the development manifest): the XSDs and the rules that need no built files.
 * - dist/manifest.xml (the production manifest `npm run build` writes; required): every rule, against
 *   the public URL the build used (ADDIN_PUBLIC_URL, else package.json config.publicUrl, else the
 *   development URL: scripts/addin-settings.js) and the files in dist/.
 *
 * The XSDs (tools/manifest-schemas) are checked with xmllint compiled to WebAssembly (the npm package
 * xmllint-wasm); the rules read the manifest with @xmldom/xmldom and the icons' sizes from their PNG
 * headers. Prints one line per manifest and one per problem; exits non-zero if any manifest fails.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { validateXML } = require('xmllint-wasm');
const { DOMParser } = require('@xmldom/xmldom');
const settings = require('./addin-settings');

const root = settings.ROOT;
const schemas = path.join(root, 'tools', 'manifest-schemas');
const MAIN = 'OfficeAppManifestV1_1.xsd';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

/** The main schema and every schema it may import, as xmllint-wasm inputs. */
function schemaFiles() {
  return fs
    .readdirSync(schemas)
    .filter((name) => name.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemas, fileName), 'utf8') }));
}

/** Validates manifest text against the XSDs; resolves to the list of schema errors (empty when valid). */
async function schemaErrorsOfText(xml, fileName = 'manifest.xml') {
  const all = schemaFiles();
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: all.filter((s) => s.fileName === MAIN),
    preload: all.filter((s) => s.fileName !== MAIN),
  });
  return result.valid ? [] : result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.rawMessage).trim());
}

/** Validates one manifest file; resolves to the list of schema errors (empty when valid). */
async function schemaErrors(file) {
  return schemaErrorsOfText(fs.readFileSync(file, 'utf8'), path.basename(file));
}

/** Width and height of a PNG from its IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function parse(xml) {
  let error;
  const onError = (level, message) => {
    if (level === 'warning') return;
    error = error || message;
    throw new Error(message); // stops xmldom at the first error
  };
  try {
    return new DOMParser({ onError }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new Error(`not well-formed XML: ${error || (e instanceof Error ? e.message : String(e))}`);
  }
}

const byName = (node, name) => Array.from(node.getElementsByTagNameNS('*', name));
const looksLikeUrl = (text) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

/** Every URL in the manifest (attribute values and element text, namespace declarations aside), with where it is. */
function manifestUrls(doc) {
  const found = [];
  const walk = (el) => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
      if (looksLikeUrl(attr.value.trim())) found.push({ url: attr.value.trim(), element: el.localName, id: el.getAttribute('id') || undefined });
    }
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.data)
      .join('')
      .trim();
    if (own && looksLikeUrl(own)) found.push({ url: own, element: el.localName });
    for (const child of Array.from(el.childNodes)) if (child.nodeType === 1) walk(child);
  };
  walk(doc.documentElement);
  return found;
}

/** The bt:Image / bt:Url / bt:String resources by id, with their kind. */
function resources(doc) {
  const map = new Map();
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
    for (const group of Array.from(doc.getElementsByTagNameNS(BT, kind))) {
      for (const el of Array.from(group.childNodes).filter((n) => n.nodeType === 1)) map.set(el.getAttribute('id'), { kind, el });
    }
  }
  return map;
}

/** The DefaultValue and every Override Value of a URL element (SupportUrl, IconUrl, bt:Url …). */
function values(el) {
  const all = [el.getAttribute('DefaultValue')];
  for (const o of Array.from(el.childNodes).filter((n) => n.nodeType === 1 && n.localName === 'Override')) all.push(o.getAttribute('Value'));
  return all.filter(Boolean);
}

/**
 * The rule violations of one manifest (empty when it passes), one line each. Options:
 *   publicUrl  the URL every manifest URL must start with (origin, and path if any)
 *   version    the 4-part version <Version> must equal (omit to check only the form)
 *   dir        the built add-in folder (dist/): when given, every add-in URL must name a file in it and
 *              the icons' PNG sizes are checked
 */
function manifestProblems(xml, options) {
  const problems = [];
  let doc;
  try {
    doc = parse(xml);
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
  const base = options.publicUrl.replace(/\/+$/, '');
  const expectedOrigin = new URL(base).origin;
  const appDomains = byName(doc, 'AppDomain').map((el) => el.textContent.trim());

  // https, one origin: every URL the manifest names is https and under the public URL; AppDomain
  // entries are https origins other than the add-in's own (listing it is redundant).
  for (const { url, element } of manifestUrls(doc)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${element}: ${url} is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${element}: ${url} is not https`);
    if (element === 'AppDomain') {
      if (parsed.origin !== url.replace(/\/$/, '')) problems.push(`AppDomain: ${url} must be an origin only (scheme, host, port), no path`);
      if (parsed.origin === expectedOrigin) problems.push(`AppDomain: ${url} is the add-in's own origin (no AppDomain needed)`);
      continue;
    }
    if (url !== base && !url.startsWith(`${base}/`)) problems.push(`${element}: ${url} is not under the public URL ${base}`);
  }

  // Version: four numbers, and the one the build stamps from package.json.
  const versionEl = byName(doc, 'Version')[0];
  const version = versionEl ? versionEl.textContent.trim() : '';
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) problems.push(`Version: "${version}" is not four numbers n.n.n.n`);
  else if (options.version && version !== options.version) problems.push(`Version: ${version} is not the stamped package.json version ${options.version}`);

  // resid references name a resource of the right kind.
  const res = resources(doc);
  const kindOf = { Image: ['Images'], SourceLocation: ['Urls'], LearnMoreUrl: ['Urls'], Title: ['ShortStrings'], Label: ['ShortStrings'], Description: ['LongStrings'] };
  for (const el of Array.from(doc.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'))) {
    const id = el.getAttribute('resid');
    const found = res.get(id);
    if (!found) problems.push(`${el.localName}: resid "${id}" names no resource`);
    else if (kindOf[el.localName] && !kindOf[el.localName].includes(found.kind)) {
      problems.push(`${el.localName}: resid "${id}" is a ${found.kind} resource, expected ${kindOf[el.localName].join(' or ')}`);
    }
  }

  // Help: SupportUrl and the GetStarted LearnMoreUrl point at the help page, not at the task pane.
  const helpUrls = [];
  for (const el of byName(doc, 'SupportUrl')) helpUrls.push(...values(el).map((url) => ({ url, element: 'SupportUrl' })));
  for (const el of byName(doc, 'LearnMoreUrl')) {
    const found = res.get(el.getAttribute('resid'));
    if (found) helpUrls.push(...values(found.el).map((url) => ({ url, element: 'LearnMoreUrl' })));
  }
  if (!helpUrls.some((h) => h.element === 'SupportUrl')) problems.push('SupportUrl: missing (AppSource requires a support page)');
  for (const { url, element } of helpUrls) {
    if (!/\/help\/[^/]+\.html$/.test(url)) problems.push(`${element}: ${url} is not the help page (help/<locale>.html)`);
  }

  // Requirement sets: optional here, but when present each set has a name and a MinVersion n.n.
  for (const set of byName(doc, 'Set')) {
    const name = set.getAttribute('Name');
    const min = set.getAttribute('MinVersion');
    if (!name) problems.push('Requirements: a <Set> has no Name');
    if (min !== null && min !== '' && !/^\d+\.\d+$/.test(min)) problems.push(`Requirements: ${name} MinVersion "${min}" is not n.n`);
    if (name === 'ExcelApi' && !min) problems.push('Requirements: ExcelApi has no MinVersion');
  }

  if (options.dir) {
    // Files: every add-in URL names a file of the build.
    const seen = new Set();
    const fileOf = (url) => {
      const rest = url.slice(base.length + 1).replace(/[?#].*$/, '');
      return path.join(options.dir, ...decodeURIComponent(rest).split('/'));
    };
    for (const { url, element } of manifestUrls(doc)) {
      if (element === 'AppDomain' || !url.startsWith(`${base}/`) || seen.has(url)) continue;
      seen.add(url);
      const file = fileOf(url);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) problems.push(`${element}: ${url} names no file of the build (${path.relative(options.dir, file)})`);
    }
    // Icons: the PNG's pixel size is the one the manifest names.
    const icons = [];
    for (const el of byName(doc, 'IconUrl')) icons.push(...values(el).map((url) => ({ url, size: 32, element: 'IconUrl' })));
    for (const el of byName(doc, 'HighResolutionIconUrl')) icons.push(...values(el).map((url) => ({ url, size: 64, element: 'HighResolutionIconUrl' })));
    for (const img of doc.getElementsByTagNameNS(BT, 'Image')) {
      if (!img.hasAttribute('size')) continue; // a resource, checked where it is used
      const found = res.get(img.getAttribute('resid'));
      if (found && found.kind === 'Images') {
        icons.push(...values(found.el).map((url) => ({ url, size: Number(img.getAttribute('size')), element: `Image ${img.getAttribute('resid')}` })));
      }
    }
    const checked = new Set();
    for (const icon of icons) {
      const key = `${icon.element} ${icon.url} ${icon.size}`;
      if (checked.has(key) || !icon.url.startsWith(`${base}/`)) continue;
      checked.add(key);
      const file = fileOf(icon.url);
      if (!fs.existsSync(file)) continue; // reported above
      const size = pngSize(fs.readFileSync(file));
      if (!size) problems.push(`${icon.element}: ${icon.url} is not a PNG`);
      else if (size.width !== icon.size || size.height !== icon.size) {
        problems.push(`${icon.element}: ${icon.url} is ${size.width}×${size.height} pixels, the manifest says ${icon.size}×${icon.size}`);
      }
    }
  }
  return problems;
}

/** Advice that does not fail the check: what the manifest leaves to Office's defaults. */
function manifestNotes(xml) {
  const notes = [];
  if (!/<Requirements[\s>]/.test(xml)) notes.push('no <Requirements>: Office offers the add-in on every Excel version, even one without the ExcelApi set the pane needs');
  return notes;
}

/** Every check of one manifest file: the XSDs, then the rules. Resolves to its problems. */
async function checkManifest(file, options) {
  const xml = fs.readFileSync(file, 'utf8');
  const schema = (await schemaErrorsOfText(xml, path.basename(file))).map((e) => `schema: ${e}`);
  return [...schema, ...manifestProblems(xml, options)];
}

async function main() {
  const version = settings.manifestVersion();
  const dist = path.join(root, 'dist');
  const targets = [
    { file: 'manifest.xml', options: { publicUrl: settings.DEV_URL, version } },
    { file: 'dist/manifest.xml', options: { publicUrl: settings.publicUrl(), version, dir: dist } },
  ];
  let failed = 0;
  for (const { file, options } of targets) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) {
      console.log(`FAIL ${file}: missing (run \`npm run build\` first)`);
      failed++;
      continue;
    }
    try {
      const problems = await checkManifest(full, options);
      if (problems.length === 0) console.log(`ok   ${file}: schema, https on ${options.publicUrl}, version ${version}${options.dir ? ', files and icon sizes' : ''}`);
      else {
        console.log(`FAIL ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        failed++;
      }
      for (const note of manifestNotes(fs.readFileSync(full, 'utf8'))) console.log(`note ${file}: ${note}`);
    } catch (e) {
      console.log(`FAIL ${file}: cannot validate: ${e instanceof Error ? e.message : String(e)}`);
      failed++;
    }
  }
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
module.exports = { schemaErrors, schemaErrorsOfText, manifestProblems, manifestNotes, checkManifest, pngSize };
