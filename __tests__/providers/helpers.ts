// Shared by the provider tests: one call with a minimal context; the video a media provider stored.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallContext, Provider, ProviderResponse } from '../../src/types.js';

export function contextFor(vars: Record<string, unknown> = {}, signal?: AbortSignal): CallContext {
  return { vars, prompt: { id: 'p1', label: 'p1', raw: '{{question}}' }, signal };
}

export function call(
  provider: Provider,
  prompt: string,
  options: { vars?: Record<string, unknown>; signal?: AbortSignal } = {},
): Promise<ProviderResponse> {
  return provider.callApi(prompt, contextFor(options.vars, options.signal));
}

/** The bytes of the file a video provider's `[Video: …](file)` output names, checked to sit in the run's media dir. */
export async function storedVideo(output: unknown, runnerTemp: string): Promise<Buffer> {
  const match = /^\[Video: [^\]]*\]\((.+)\)$/.exec(String(output));
  expect(match).not.toBeNull();
  const file = match![1];
  expect(file.startsWith(path.join(runnerTemp, 'promptgate', 'media') + path.sep)).toBe(true);
  expect(file.endsWith('.mp4')).toBe(true);
  return readFile(file);
}
