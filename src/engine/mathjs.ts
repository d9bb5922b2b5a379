/**
 * mathjs, loaded on first use. Only compiling a model (parsing equations, checking units) needs
 * it; running a compiled or precompiled model, the CLI's listings and `import 'hangzhou-reform-sim'`
 * never do. mathjs's ES build is about a thousand modules (about a second to load); its
 * single-file build — same version, same functions — loads in a few tens of milliseconds and can
 * be required synchronously, so `compileModel` stays a plain function.
 *
 * The engine imports mathjs's values from here and its types from 'mathjs' itself.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';

let loaded: typeof MathJs | null = null;

/** The mathjs namespace (loaded on the first call). */
export function mathjs(): typeof MathJs {
  loaded ??= createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof MathJs;
  return loaded;
}

export const parse = (expression: string): MathJs.MathNode => mathjs().parse(expression);
export const isConditionalNode = (x: unknown): x is MathJs.ConditionalNode => mathjs().isConditionalNode(x);
export const isConstantNode = (x: unknown): x is MathJs.ConstantNode => mathjs().isConstantNode(x);
export const isFunctionNode = (x: unknown): x is MathJs.FunctionNode => mathjs().isFunctionNode(x);
export const isOperatorNode = (x: unknown): x is MathJs.OperatorNode => mathjs().isOperatorNode(x);
export const isParenthesisNode = (x: unknown): x is MathJs.ParenthesisNode => mathjs().isParenthesisNode(x);
export const isSymbolNode = (x: unknown): x is MathJs.SymbolNode => mathjs().isSymbolNode(x);

/** A new mathjs instance with every function, to register units on without touching the shared one. */
export function createMathInstance(): MathJs.MathJsInstance {
  const { create, all } = mathjs();
  // The single-file build's `create` is pre-bound to every factory (`all` is not exported there).
  return create(all ?? {});
}

export type { MathJsInstance, MathNode } from 'mathjs';
