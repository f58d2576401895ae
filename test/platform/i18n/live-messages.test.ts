import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

/**
 * Text follows the reader's language only when it is read while a request (or a job) is served:
 * `msg` answers in the language of the moment. A module-level `const m = msg.area` is a live view
 * and fine; anything else that reads `msg.…` when a module loads (a text in a constant table, a
 * call, a spread) would be fixed in bokmål for every reader. This walks src/ with the TypeScript
 * parser and fails on every such read outside a function.
 */
const SRC = join(new URL('../../..', import.meta.url).pathname, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.includes('platform/i18n') ? [] : files(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The outermost `msg.a.b…` of a chain. */
const isChainTop = (node: ts.Node) => !ts.isPropertyAccessExpression(node.parent) || node.parent.expression !== node;
const startsWithMsg = (node: ts.PropertyAccessExpression): boolean => {
  let e: ts.Expression = node;
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isIdentifier(e) && e.text === 'msg';
};

test('no catalogue text is read when a module loads (it would stay bokmål for every reader)', () => {
  const found: string[] = [];
  for (const file of files(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      if (ts.isPropertyAccessExpression(node) && isChainTop(node) && startsWithMsg(node)) {
        const aliasOfArea = ts.isVariableDeclaration(node.parent) && node.parent.initializer === node;
        if (!aliasOfArea) found.push(`${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(found, []);
});
