// Renders a template with its placeholder vars the way the eval will (nunjucks, no autoescape), so init
// picks an assertion that the first `promptgate eval` with `echo` passes, and warns about a template that
// will not render at all.
import nunjucks from 'nunjucks';
import '../prompts/sandbox.js';

export type RenderCheck = { ok: true; output: string } | { ok: false; error: string };

const environment = new nunjucks.Environment(null, { autoescape: false });

export function renderWithPlaceholders(template: string, vars: Record<string, unknown>): RenderCheck {
  try {
    return { ok: true, output: environment.renderString(template, vars) };
  } catch (err) {
    // nunjucks prefixes its messages with "(unknown path)" and a stack of template names; keep the cause.
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: message
        .replace(/^\(unknown path\)\s*/, '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' '),
    };
  }
}
