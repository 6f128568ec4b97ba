// Templates are data, never code. nunjucks compiles `a.b` and `a["b"]` to `runtime.memberLookup(a, "b")`, and
// without a guard `{{ range.constructor("return process")() }}` reaches the Function constructor and runs
// JavaScript with the runner's secrets. Every template promptgate renders (prompts, vars, assertion values,
// rubric prompts) goes through the one nunjucks runtime, so guarding its member lookup once guards them all:
// no member of a function is readable, and the names that lead from any value to a constructor or a
// prototype are refused with an error that names them (a case that renders such a template is an error).
import nunjucks from 'nunjucks';

/** Property names that lead from a value to code: constructors, prototypes and the legacy accessors. */
const FORBIDDEN_MEMBERS = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'caller',
  'callee',
  'arguments',
]);

export class TemplateSandboxError extends Error {
  constructor(member: string, onFunction: boolean) {
    super(
      onFunction
        ? `a template may not read members of a function (\`.${member}\`): templates are text, not code`
        : `a template may not read \`.${member}\`: it leads to JavaScript code, and templates are text, not code`,
    );
    this.name = 'TemplateSandboxError';
  }
}

type MemberLookup = (obj: unknown, member: unknown) => unknown;
const runtime = (nunjucks as unknown as { runtime: { memberLookup: MemberLookup; __promptgateSandbox?: true } })
  .runtime;

if (!runtime.__promptgateSandbox) {
  const lookup = runtime.memberLookup;
  runtime.memberLookup = (obj, member) => {
    if (obj === undefined || obj === null) return undefined;
    const name = String(member);
    if (FORBIDDEN_MEMBERS.has(name)) throw new TemplateSandboxError(name, false);
    if (typeof obj === 'function') throw new TemplateSandboxError(name, true);
    return lookup(obj, member);
  };
  runtime.__promptgateSandbox = true;
}
