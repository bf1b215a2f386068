import { isZzError } from '@zhengzhao/core';

/** What is logged of an error: its class, code and stack frames, never its message. */
export interface LoggedError {
  type: string;
  code?: string;
  message?: string;
  stack?: string;
}

/**
 * Reduces `error` to something safe to log. ZzError messages are written to carry no personal
 * data, so they are kept; any other error keeps only its class, `code` and stack frames, because
 * foreign messages quote input (`JSON.parse` quotes the text, PostgreSQL `detail` quotes values).
 */
export function describeErrorForLog(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
  const logged: LoggedError = { type: error.constructor?.name ?? 'Error' };
  if (typeof code === 'string') logged.code = code;
  if (isZzError(error)) logged.message = error.message;
  if (frames) logged.stack = frames;
  return logged;
}
