import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkBudget } from '../../src/content/work-budget';

describe('WorkBudget', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether wait() has resolved after `ms` of the fake clock. */
  async function resolvedAfter(budget: WorkBudget, ms: number): Promise<boolean> {
    let done = false;
    void budget.wait().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ms);
    return done;
  }

  it('lets work go on at once while a second holds no more than its budget', async () => {
    const budget = new WorkBudget();
    vi.advanceTimersByTime(2000);
    await budget.wait();
    budget.spent(100);
    expect(await resolvedAfter(budget, 0)).toBe(true);
  });

  it('holds work spent past the budget until the next second starts, then counts afresh', async () => {
    const budget = new WorkBudget();
    vi.advanceTimersByTime(2000);
    await budget.wait();
    budget.spent(120);
    vi.advanceTimersByTime(200);
    budget.spent(40);
    // 160 ms spent 200 ms into the second: the rest of it, 800 ms, is the page's.
    let done = false;
    void budget.wait().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(799);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    budget.spent(100);
    expect(await resolvedAfter(budget, 0)).toBe(true);
  });
});
