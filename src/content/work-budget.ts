/** Work allowed per second on a page that never stops changing: Tieline never takes over. */
const MAX_BUSY_MS_PER_SECOND = 150;

/**
 * Tieline's work on a page, counted per second of the clock: once a second's budget is spent, the
 * next slice waits for the next second, however much the page keeps changing.
 */
export class WorkBudget {
  private windowStart = 0;
  private windowBusy = 0;

  spent(ms: number): void {
    this.windowBusy += ms;
  }

  /** Resolves at once while the budget lasts, else at the start of the next second. */
  async wait(): Promise<void> {
    const now = performance.now();
    if (now - this.windowStart > 1000) {
      this.windowStart = now;
      this.windowBusy = 0;
    }
    if (this.windowBusy > MAX_BUSY_MS_PER_SECOND) {
      await new Promise((r) => setTimeout(r, 1000 - (now - this.windowStart)));
      this.windowStart = performance.now();
      this.windowBusy = 0;
    }
  }
}
