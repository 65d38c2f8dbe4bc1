/**
 * The offline manifest checks (scripts/validate-manifest.js, docs/manifest-checks.md): the production
 * manifest the build writes passes every rule, and each broken manifest fails with a line naming the
 * problem.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { manifestVersion, publicUrl, DEV_URL } from '../../scripts/addin-settings';
import { checkManifest, manifestProblems, pngSize, schemaErrorsOfText } from '../../scripts/validate-manifest';
import { productionManifest } from '../../webpack.config';

const ROOT = path.join(__dirname, '..', '..');
const URL_BASE = 'https://rfm.example.com/addin';
const VERSION = manifestVersion();
const SOURCE = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const GOOD = productionManifest(SOURCE, URL_BASE, VERSION);

let dir: string;

beforeAll(() => {
  // The files a build serves, as far as the manifest names them.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-manifest-'));
  fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'help'));
  for (const file of ['taskpane.html', 'help/en-US.html', 'help/zh-CN.html']) fs.writeFileSync(path.join(dir, file), '<!doctype html>');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const options = () => ({ publicUrl: URL_BASE, version: VERSION, dir });

describe('the production manifest', () => {
  test('the build replaces every development URL and stamps the version', () => {
    expect(GOOD).not.toContain(DEV_URL);
    expect(GOOD).toContain(`<SourceLocation DefaultValue="${URL_BASE}/taskpane.html"/>`);
    expect(GOOD).toContain(`<Version>${VERSION}</Version>`);
    expect(productionManifest(SOURCE.replace(/<Version>[^<]*<\/Version>/, '<Version>9.9.9.9</Version>'), URL_BASE, VERSION)).toContain(`<Version>${VERSION}</Version>`);
  });

  test('passes the schemas and every rule', async () => {
    expect(await schemaErrorsOfText(GOOD)).toEqual([]);
    expect(manifestProblems(GOOD, options())).toEqual([]);
  });

  test('the development manifest passes the schemas and the rules that need no build', async () => {
    const file = path.join(ROOT, 'manifest.xml');
    expect(await checkManifest(file, { publicUrl: DEV_URL, version: VERSION })).toEqual([]);
  });

  test('SupportUrl and LearnMoreUrl are the help page in each language', () => {
    expect(GOOD).toContain(`<SupportUrl DefaultValue="${URL_BASE}/help/en-US.html">`);
    expect(GOOD).toContain(`<Override Locale="zh-CN" Value="${URL_BASE}/help/zh-CN.html"/>`);
    expect(GOOD).toContain(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${URL_BASE}/help/en-US.html">`);
  });
});

describe('a broken manifest fails', () => {
  const broken = (from: string | RegExp, to: string) => {
    const xml = typeof from === 'string' ? GOOD.split(from).join(to) : GOOD.replace(from, to);
    expect(xml).not.toBe(GOOD); // the fixture really changed
    return manifestProblems(xml, options());
  };

  test('a URL that is not https', () => {
    expect(broken(`${URL_BASE}/assets/icon-16.png`, 'http://rfm.example.com/addin/assets/icon-16.png')).toEqual(
      expect.arrayContaining([expect.stringMatching(/Image: http:\/\/rfm\.example\.com\/addin\/assets\/icon-16\.png is not https/)]),
    );
  });

  test('a URL on another origin, or outside the public path', () => {
    expect(broken(`${URL_BASE}/assets/icon-80.png`, 'https://cdn.example.net/icon-80.png')).toEqual(
      expect.arrayContaining([expect.stringContaining('https://cdn.example.net/icon-80.png is not under the public URL https://rfm.example.com/addin')]),
    );
    expect(manifestProblems(GOOD, { ...options(), publicUrl: 'https://other.example.com' })).toEqual(
      expect.arrayContaining([expect.stringContaining(`SourceLocation: ${URL_BASE}/taskpane.html is not under the public URL https://other.example.com`)]),
    );
  });

  test('an AppDomain with a path or the add-in’s own origin', () => {
    const withDomains = (domains: string) => GOOD.replace('<Hosts>', `<AppDomains>${domains}</AppDomains>\n  <Hosts>`);
    expect(manifestProblems(withDomains('<AppDomain>https://login.example.com/path</AppDomain>'), options())).toEqual([
      'AppDomain: https://login.example.com/path must be an origin only (scheme, host, port), no path',
    ]);
    expect(manifestProblems(withDomains('<AppDomain>https://rfm.example.com</AppDomain>'), options())).toEqual([
      "AppDomain: https://rfm.example.com is the add-in's own origin (no AppDomain needed)",
    ]);
    expect(manifestProblems(withDomains('<AppDomain>https://login.example.com</AppDomain>'), options())).toEqual([]);
  });

  test('a version that is not stamped or not four numbers', () => {
    expect(broken(`<Version>${VERSION}</Version>`, '<Version>0.0.1.0</Version>')).toEqual([`Version: 0.0.1.0 is not the stamped package.json version ${VERSION}`]);
    expect(broken(`<Version>${VERSION}</Version>`, '<Version>1.0</Version>')).toEqual(['Version: "1.0" is not four numbers n.n.n.n']);
  });

  test('an icon whose PNG is not the size the manifest names', () => {
    const wrong = path.join(dir, 'assets', 'wrong-size.png');
    fs.copyFileSync(path.join(ROOT, 'assets', 'icon-64.png'), wrong);
    expect(broken(`${URL_BASE}/assets/icon-32.png`, `${URL_BASE}/assets/wrong-size.png`)).toEqual(
      expect.arrayContaining([
        `IconUrl: ${URL_BASE}/assets/wrong-size.png is 64×64 pixels, the manifest says 32×32`,
        `Image Icon.32x32: ${URL_BASE}/assets/wrong-size.png is 64×64 pixels, the manifest says 32×32`,
      ]),
    );
  });

  test('an icon that is not a PNG, and a URL that names no file of the build', () => {
    fs.writeFileSync(path.join(dir, 'assets', 'not-a-png.png'), 'GIF89a');
    expect(broken(`${URL_BASE}/assets/icon-80.png`, `${URL_BASE}/assets/not-a-png.png`)).toEqual([`Image Icon.80x80: ${URL_BASE}/assets/not-a-png.png is not a PNG`]);
    expect(broken(`${URL_BASE}/assets/icon-16.png`, `${URL_BASE}/assets/icon-17.png`)).toEqual([`Image: ${URL_BASE}/assets/icon-17.png names no file of the build (assets/icon-17.png)`]);
  });

  test('SupportUrl or LearnMoreUrl at the task pane instead of the help page, or no SupportUrl', () => {
    expect(broken(`<SupportUrl DefaultValue="${URL_BASE}/help/en-US.html">`, `<SupportUrl DefaultValue="${URL_BASE}/taskpane.html">`)).toEqual([
      `SupportUrl: ${URL_BASE}/taskpane.html is not the help page (help/<locale>.html)`,
    ]);
    expect(broken(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${URL_BASE}/help/en-US.html">`, `<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${URL_BASE}/taskpane.html">`)).toEqual([
      `LearnMoreUrl: ${URL_BASE}/taskpane.html is not the help page (help/<locale>.html)`,
    ]);
    expect(broken(/<SupportUrl[\s\S]*?<\/SupportUrl>/, '')).toEqual(['SupportUrl: missing (AppSource requires a support page)']);
  });

  test('a resid that names no resource, or one of the wrong kind', () => {
    expect(broken('<Label resid="RfmGrader.Group.Label"/>', '<Label resid="RfmGrader.Group.Missing"/>')).toEqual(['Label: resid "RfmGrader.Group.Missing" names no resource']);
    expect(broken('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="GetStarted.Title"/>')).toEqual([
      'SourceLocation: resid "GetStarted.Title" is a ShortStrings resource, expected Urls',
    ]);
  });

  test('requirement sets without a version', () => {
    const withSets = (sets: string) => GOOD.replace('<DefaultSettings>', `<Requirements><Sets DefaultMinVersion="1.1">${sets}</Sets></Requirements>\n  <DefaultSettings>`);
    expect(manifestProblems(withSets('<Set Name="ExcelApi" MinVersion="1.9"/>'), options())).toEqual([]);
    expect(manifestProblems(withSets('<Set Name="ExcelApi" MinVersion="1.x"/>'), options())).toEqual(['Requirements: ExcelApi MinVersion "1.x" is not n.n']);
  });

  test('XML that is not well-formed, and XML the schemas reject', async () => {
    expect(manifestProblems(GOOD.replace('</DisplayName>', ''), options())[0]).toMatch(/^not well-formed XML/);
    expect(await schemaErrorsOfText(GOOD.replace('<ProviderName>RFM Grader</ProviderName>', ''))).not.toEqual([]);
    expect(await schemaErrorsOfText(GOOD.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'))).not.toEqual([]);
  });
});

describe('PNG size and the public URL setting', () => {
  test('pngSize reads the IHDR header', () => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, 'assets', 'icon-80.png')))).toEqual({ width: 80, height: 80 });
    expect(pngSize(Buffer.from('not a png at all, just text'))).toBeUndefined();
  });

  test('ADDIN_PUBLIC_URL must be https, without query; a trailing slash is dropped', () => {
    expect(publicUrl({ ADDIN_PUBLIC_URL: 'https://rfm.example.com/addin/' })).toBe('https://rfm.example.com/addin');
    expect(() => publicUrl({ ADDIN_PUBLIC_URL: 'http://rfm.example.com' })).toThrow(/must be an https URL/);
    expect(() => publicUrl({ ADDIN_PUBLIC_URL: 'https://rfm.example.com/?a=1' })).toThrow(/no query/);
    expect(() => publicUrl({ ADDIN_PUBLIC_URL: 'not a url' })).toThrow(/is not a URL/);
  });

  test('the manifest version is package.json’s with a fourth part 0', () => {
    expect(manifestVersion('1.2.3')).toBe('1.2.3.0');
    expect(manifestVersion('1.2.3-beta.1')).toBe('1.2.3.0');
    expect(() => manifestVersion('1.2')).toThrow(/not major\.minor\.patch/);
  });
});
