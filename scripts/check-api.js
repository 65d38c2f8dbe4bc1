#!/usr/bin/env node
/*
 * npm run check:api — every Office.js member the product uses (src/excel and src/taskpane, not the
 * in-memory workbook src/excel/memory) with its requirement set, read from the `[Api set: …]` notes of
 * @types/office-js through the TypeScript compiler (so `range.getTables` resolves to
 * `Excel.Range.getTables`, not to any `getTables`). Also read: the property names in `load('a, b/c')`
 * strings and the keys of object literals typed as Office.js interfaces (`range.set({ … })`).
 *
 * Fails (exit 1) when
 *   - manifest.xml declares no `<Set Name="ExcelApi" MinVersion="…"/>`, or src/excel/capabilities.ts
 *     declares another minimum (MIN_EXCEL_API);
 *   - a member of a newer ExcelApi set than that minimum is used outside a guard.
 *
 * The guard convention (docs/requirements.md): a use is guarded when it sits
 *   - in the then-branch of `if (cond)`, the true branch of `cond ? a : b`, or right of `cond && …`,
 *     where `cond` is `hasExcelApi('1.N')` (alone or joined by `&&`) and 1.N is at least the member's set;
 *   - in the else-branch of `if (!hasExcelApi('1.N'))`, or after `if (!hasExcelApi('1.N')) { … return }`
 *     (also `throw`, `continue`, `break`) in the same block.
 * `hasExcelApi` is the one function of src/excel/capabilities.ts that asks
 * `Office.context.requirements.isSetSupported`.
 *
 * `--json` prints the list as JSON instead of a table.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const GUARD = 'hasExcelApi';

function fail(message) {
  console.error(`check:api: ${message}`);
  process.exit(1);
}

/** "1.8" → 8 (only ExcelApi 1.x exists). */
function minorOf(version) {
  const m = /^1\.(\d+)$/.exec(version);
  return m ? Number(m[1]) : undefined;
}

function manifestMinimum() {
  const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"\s*\/>/.exec(xml);
  if (!m) fail('manifest.xml declares no <Set Name="ExcelApi" MinVersion="…"/> in <Requirements>');
  return m[1];
}

function capabilitiesMinimum() {
  const file = path.join(root, 'src', 'excel', 'capabilities.ts');
  const m = /export const MIN_EXCEL_API\s*=\s*'([\d.]+)'/.exec(fs.readFileSync(file, 'utf8'));
  if (!m) fail('src/excel/capabilities.ts declares no MIN_EXCEL_API');
  return m[1];
}

function sourceFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full === path.join(root, 'src', 'excel', 'memory')) continue;
        walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(path.join(root, 'src', 'excel'));
  walk(path.join(root, 'src', 'taskpane'));
  return out.sort();
}

function compilerOptions() {
  const configFile = path.join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return { ...parsed.options, noEmit: true };
}

/** The `[Api set: …]` note of one declaration, e.g. "ExcelApi 1.13". */
function ownApiSet(decl) {
  const sf = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, decl.pos) || [];
  const text = ranges.map((r) => sf.text.slice(r.pos, r.end)).join('\n');
  const m = /\[Api set: ([^\]]+)\]/.exec(text);
  return m ? m[1].trim() : undefined;
}

/**
 * A member's set, or (members without a note, such as `load` and `items`) the set of the type that
 * declares it: `Excel.RangeAreas.load` needs ExcelApi 1.9 like `Excel.RangeAreas`.
 */
function apiSetOf(decl) {
  const own = ownApiSet(decl);
  if (own) return own;
  const container = decl.parent;
  if (container && (ts.isClassDeclaration(container) || ts.isInterfaceDeclaration(container))) {
    const inherited = ownApiSet(container);
    if (inherited) return `${inherited} (type)`;
  }
  return undefined;
}

/**
 * The ExcelApi minor version a use needs: "ExcelApi 1.13" → 13; "ExcelApi 1.1 for get, 1.8 for set"
 * → 8 (the highest named; a read-only use of such a property is counted as a write, to be safe).
 */
function requiredMinor(set) {
  if (!set || !/^ExcelApi /.test(set)) return undefined;
  const versions = [...set.matchAll(/\b1\.(\d+)\b/g)].map((m) => Number(m[1]));
  return versions.length > 0 ? Math.max(...versions) : undefined;
}

function isOfficeDeclaration(decl) {
  return /[\\/]@types[\\/]office-js[\\/]/.test(decl.getSourceFile().fileName);
}

/** "Excel.Range.getTables" from a member declaration (its containers' names). */
function qualifiedName(decl) {
  const names = [];
  for (let n = decl; n; n = n.parent) {
    if (n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) {
      if (ts.isModuleDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isClassDeclaration(n) || ts.isEnumDeclaration(n) || n === decl) {
        names.unshift(n.name.text);
      }
    }
  }
  return names.join('.');
}

/** The ExcelApi minor version a guard condition grants (0 when none). */
function grants(expr) {
  if (!expr) return 0;
  if (ts.isParenthesizedExpression(expr)) return grants(expr.expression);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return Math.max(grants(expr.left), grants(expr.right));
  }
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === GUARD) {
    const arg = expr.arguments[0];
    if (arg && ts.isStringLiteralLike(arg)) return minorOf(arg.text) ?? 0;
  }
  return 0;
}

/** For `!hasExcelApi('1.N')`: N (the code after an early exit, or in the else branch, has it). */
function grantsWhenFalse(expr) {
  if (ts.isParenthesizedExpression(expr)) return grantsWhenFalse(expr.expression);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return grants(expr.operand);
  // `a || !hasExcelApi('1.N')` is false only when both sides are
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return Math.max(grantsWhenFalse(expr.left), grantsWhenFalse(expr.right));
  }
  return 0;
}

function exits(statement) {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) {
    return true;
  }
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

function within(node, container) {
  return container !== undefined && node.pos >= container.pos && node.end <= container.end;
}

/** The highest ExcelApi minor version the guards around `node` grant. */
function guardLevel(node) {
  let level = 0;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (within(child, parent.thenStatement)) level = Math.max(level, grants(parent.expression));
      else if (within(child, parent.elseStatement)) level = Math.max(level, grantsWhenFalse(parent.expression));
    } else if (ts.isConditionalExpression(parent)) {
      if (within(child, parent.whenTrue)) level = Math.max(level, grants(parent.condition));
      else if (within(child, parent.whenFalse)) level = Math.max(level, grantsWhenFalse(parent.condition));
    } else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      if (within(child, parent.right)) level = Math.max(level, grants(parent.left));
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement.pos >= child.pos) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement)) {
          level = Math.max(level, grantsWhenFalse(statement.expression));
        }
      }
    }
  }
  return level;
}

function main() {
  const json = process.argv.includes('--json');
  const minimum = manifestMinimum();
  const declared = capabilitiesMinimum();
  if (declared !== minimum) fail(`manifest.xml declares ExcelApi ${minimum}, src/excel/capabilities.ts MIN_EXCEL_API = '${declared}'`);
  const minMinor = minorOf(minimum);

  const files = sourceFiles();
  const program = ts.createProgram(files, compilerOptions());
  const checker = program.getTypeChecker();
  /** member → { set, uses: [{ file, line, guarded }] } */
  const members = new Map();

  const record = (decl, where, sf) => {
    if (!decl || !isOfficeDeclaration(decl)) return;
    const name = qualifiedName(decl);
    const set = apiSetOf(decl);
    const { line } = sf.getLineAndCharacterOfPosition(where.getStart(sf));
    const minor = requiredMinor(set);
    const level = minor !== undefined && minor > minMinor ? guardLevel(where) : undefined;
    let entry = members.get(name);
    if (!entry) members.set(name, (entry = { member: name, set: set || '—', minor, uses: [] }));
    entry.uses.push({ file: path.relative(root, sf.fileName).replace(/\\/g, '/'), line: line + 1, guarded: level === undefined || level >= minor });
  };

  const declOfSymbol = (symbol, node) => {
    if (!symbol) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    if (node && ts.isCallExpression(node.parent) && node.parent.expression === node) {
      const sig = checker.getResolvedSignature(node.parent);
      if (sig && sig.declaration && isOfficeDeclaration(sig.declaration)) return sig.declaration;
    }
    return (symbol.declarations || []).find(isOfficeDeclaration);
  };

  /** `load('a, b/c')` paths resolved from the receiver's type (collections: through `items`). */
  const loadPaths = (call, sf) => {
    const callee = call.expression;
    const receiver = checker.getTypeAtLocation(callee.expression);
    for (const arg of call.arguments) {
      if (!ts.isStringLiteralLike(arg)) continue;
      for (const p of arg.text.split(',').map((s) => s.trim()).filter(Boolean)) {
        let type = receiver;
        for (const segment of p.split('/')) {
          let prop = type.getProperty(segment);
          if (!prop && segment !== 'items') {
            const items = type.getProperty('items');
            if (items) {
              const itemsType = checker.getTypeOfSymbolAtLocation(items, call);
              const element = checker.getIndexTypeOfType(itemsType, ts.IndexKind.Number);
              if (element) {
                type = element;
                prop = type.getProperty(segment);
              }
            }
          }
          if (!prop) break;
          record((prop.declarations || []).find(isOfficeDeclaration), arg, sf);
          type = checker.getTypeOfSymbolAtLocation(prop, call);
          const element = segment === 'items' ? checker.getIndexTypeOfType(type, ts.IndexKind.Number) : undefined;
          if (element) type = element;
        }
      }
    }
  };

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node)) {
        record(declOfSymbol(checker.getSymbolAtLocation(node.name), node), node.name, sf);
        if (node.name.text === 'load' && ts.isCallExpression(node.parent) && node.parent.expression === node) loadPaths(node.parent, sf);
      } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        const literal = node.parent;
        const contextual = ts.isObjectLiteralExpression(literal) ? checker.getContextualType(literal) : undefined;
        const prop = contextual && node.name && ts.isIdentifier(node.name) ? contextual.getProperty(node.name.text) : undefined;
        if (prop) record((prop.declarations || []).find(isOfficeDeclaration), node.name, sf);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const list = [...members.values()].sort((a, b) => (b.minor ?? -1) - (a.minor ?? -1) || a.member.localeCompare(b.member));
  const unguarded = list.flatMap((e) => e.uses.filter((u) => !u.guarded).map((u) => ({ ...u, member: e.member, set: e.set })));
  if (json) {
    console.log(JSON.stringify({ minimum: `ExcelApi ${minimum}`, members: list, unguarded }, null, 2));
  } else {
    console.log(`Office.js members used by src/excel and src/taskpane (manifest minimum: ExcelApi ${minimum})`);
    const width = Math.max(...list.map((e) => e.member.length));
    for (const e of list) {
      const above = e.minor !== undefined && e.minor > minMinor;
      const mark = !above ? ' ' : e.uses.every((u) => u.guarded) ? 'G' : '!';
      const first = e.uses[0];
      console.log(`${mark} ${e.member.padEnd(width)}  ${e.set.padEnd(20)} ${String(e.uses.length).padStart(3)}×  ${first.file}:${first.line}`);
    }
    console.log(`${list.length} members; G = above the minimum, every use guarded by ${GUARD}().`);
  }
  if (unguarded.length > 0) {
    for (const u of unguarded) console.error(`${u.file}:${u.line}: ${u.member} needs ${u.set}, above the manifest's ExcelApi ${minimum}, outside a ${GUARD}() guard`);
    process.exit(1);
  }
}

main();
