/// <reference types="office-js" />
import type { Capabilities } from './capabilities';
import { OP_BYTES, SYNC_BUDGET } from './blocks';

/**
 * A request being built: operations are queued on the context, their estimated
 * bytes counted, and the request is sent (one sync) only when the next piece would
 * take it over the budget, or at the end. During writes Excel's calculation and
 * screen updating are suspended for each request, where the API set allows.
 */
export class Batch {
  private bytes = 0;
  /** bytes of the suspension calls that open every request */
  private base = 0;
  syncs = 0;

  constructor(
    readonly context: Excel.RequestContext,
    private readonly caps: Capabilities,
    private readonly budget = SYNC_BUDGET,
    private readonly suspend = false,
  ) {
    this.start();
  }

  private start(): void {
    if (!this.suspend) return;
    if (this.caps.suspendCalc) this.context.application.suspendApiCalculationUntilNextSync();
    if (this.caps.suspendScreen) this.context.application.suspendScreenUpdatingUntilNextSync();
    this.base = 2 * OP_BYTES;
    this.bytes = this.base;
  }

  /** Make room for `bytes` more: send what is queued first when they would not fit. */
  async room(bytes: number): Promise<void> {
    if (this.bytes > this.base && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }

  /** the most one block of values may weigh, so that it fits in a request of its own */
  get blockBudget(): number {
    return Math.max(OP_BYTES, this.budget - 16 * OP_BYTES);
  }

  /** bytes still free in the request being built */
  get remaining(): number {
    return Math.max(0, this.budget - this.bytes);
  }

  /** Count small operations (a property set, a method call). */
  async ops(n = 1): Promise<void> {
    await this.room(n * OP_BYTES);
  }

  /** Send what is queued and open the next request. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.start();
  }

  /** Send the last request (nothing is queued after it). */
  async finish(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
  }
}
