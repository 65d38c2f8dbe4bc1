/*
 * The production settings the build (webpack.config.js) and the manifest checks
 * (scripts/validate-manifest.js) must agree on: the public URL, the stamped manifest version, where
 * Office.js comes from and the pane's Content-Security-Policy. See docs/deploy.md and
 * docs/manifest-checks.md.
 */
'use strict';

const path = require('path');

const ROOT = path.resolve(__dirname, '..');
/** The development URL written in manifest.xml; the build replaces it by the public URL. */
const DEV_URL = 'https://localhost:3000';
/** Microsoft's Office.js CDN: the reference Office and AppSource require of a shipped add-in. */
const OFFICE_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_CDN = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
/** The local copy (from @microsoft/office-js), served with the add-in under this path. */
const OFFICE_LOCAL = 'office-js/office.js';

function packageJson() {
  // Read fresh: a test may stamp another version than the one loaded at start.
  return JSON.parse(require('fs').readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/*
 * Public URL of the deployed add-in, used for dist/manifest.xml. ONE setting, first match wins:
 *   1. environment variable ADDIN_PUBLIC_URL
 *   2. package.json → "config": { "publicUrl": "…" }
 *   3. https://localhost:3000 (the development URL, i.e. dist/manifest.xml equals manifest.xml)
 * A trailing "/" is dropped; anything but an https URL without query or fragment is refused, because
 * Office loads add-ins over https only and every manifest URL is built by appending a path to it.
 */
function publicUrl(env = process.env) {
  const pkg = packageJson();
  const raw = env.ADDIN_PUBLIC_URL || (pkg.config && pkg.config.publicUrl) || DEV_URL;
  const url = String(raw).trim().replace(/\/+$/, '');
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL / package.json config.publicUrl is not a URL: ${raw}`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`ADDIN_PUBLIC_URL / package.json config.publicUrl must be an https URL (Office loads add-ins over https only): ${raw}`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`ADDIN_PUBLIC_URL / package.json config.publicUrl must have no query, fragment or user: ${raw}`);
  }
  return url;
}

/** package.json's version ("1.2.3", pre-release and build parts dropped). */
function productVersion() {
  return packageJson().version;
}

/** The manifest's 4-part version for package.json's "1.2.3": "1.2.3.0" (the OfficeApp schema's n.n.n.n). */
function manifestVersion(version = productVersion()) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!m) throw new Error(`package.json version ${version} is not major.minor.patch`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/*
 * Where the task pane loads Office.js from: "cdn" (Microsoft's CDN, what production needs) or "local"
 * (the copy in @microsoft/office-js, bundled under office-js/: development, tests, and networks that
 * cannot reach the CDN). Environment variable OFFICE_JS=cdn|local; default: cdn for production
 * builds, local for development builds and the dev server.
 */
function officeJsSource(production, env = process.env) {
  const raw = (env.OFFICE_JS || '').trim().toLowerCase();
  if (raw === '') return production ? 'cdn' : 'local';
  if (raw === 'cdn' || raw === 'local') return raw;
  throw new Error(`OFFICE_JS must be "cdn" or "local", not "${env.OFFICE_JS}"`);
}

/*
 * The task pane's Content-Security-Policy (a <meta> tag in taskpane.html): the pane's own origin, plus
 * the Office CDN for scripts when Office.js comes from it. Why each part (docs/deploy.md → "Content
 * Security Policy"):
 * - script-src: the bundle and office.js with the host files it loads next to itself (excel-*.js, the
 *   strings), all from the one place office.js came from; no inline script, no eval.
 * - style-src 'unsafe-inline': Fluent UI (Griffel) inserts its CSS at run time and Office.js's
 *   excel-web host file sets inline styles; no style loads from another origin.
 * - connect-src / img-src / font-src: own origin only (data: images for Fluent UI's icons); nothing
 *   the pane does talks to a server.
 * - object-src 'none', base-uri 'self', form-action 'none': no plugins, no <base> hijack, no forms sent.
 * frame-ancestors cannot be set in a <meta> tag (and must not be: Office frames the pane).
 */
function contentSecurityPolicy(officeJs) {
  const scripts = officeJs === 'cdn' ? `'self' ${OFFICE_CDN_ORIGIN}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

module.exports = {
  ROOT,
  DEV_URL,
  OFFICE_CDN,
  OFFICE_CDN_ORIGIN,
  OFFICE_LOCAL,
  publicUrl,
  productVersion,
  manifestVersion,
  officeJsSource,
  contentSecurityPolicy,
};
