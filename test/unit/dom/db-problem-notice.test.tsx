// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DB_PROBLEM_MESSAGES, type DbProblem } from '../../../src/core/db-problem';
import { DbProblemNotice } from '../../../src/ui/db-problem-notice';
import { setTranslator } from '../../../src/ui/translate';

// Read from the working directory: under happy-dom, import.meta.url is not a file URL.
const messages = JSON.parse(readFileSync('src/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

describe('DbProblemNotice', () => {
  it('says what to close, or that a newer version wrote the data, in the locale\'s words, and goes when the problem does', async () => {
    setTranslator((key) => messages[key]?.message ?? `missing:${key}`);
    let tell: (p: DbProblem | null) => void = () => undefined;
    const unwatch = vi.fn();
    const watch = (onChange: (p: DbProblem | null) => void) => {
      tell = onChange;
      return unwatch;
    };
    const recheck = vi.fn();
    const root = document.createElement('div');
    await act(() => render(<DbProblemNotice watch={watch} recheck={recheck} />, root));
    expect(root.innerHTML).toBe('');
    expect(recheck).not.toHaveBeenCalled();

    await act(() => tell('blocked'));
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/open in another window of an older version.*Close the other Tieline windows and tabs/);
    // The word may be from before the background was stopped: it is asked once to try again.
    expect(recheck).toHaveBeenCalledTimes(1);

    await act(() => tell('newer'));
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/written by a newer version.*kept as it is/);
    expect(recheck).toHaveBeenCalledTimes(1);

    await act(() => tell(null));
    expect(root.innerHTML).toBe('');
    await act(() => render(null, root));
    expect(unwatch).toHaveBeenCalled();
  });

  it('has a message in _locales for every problem', () => {
    for (const key of Object.values(DB_PROBLEM_MESSAGES)) expect(messages[key]?.message).toBeTruthy();
  });
});
