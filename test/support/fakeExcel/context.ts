/**
 * The request context of one batch (what `Excel.run` hands to its callback).
 */
import type { FakeExcel } from './FakeExcel';
import { ApplicationProxy, WorkbookProxy } from './proxies';
import type { QueuedOp, RequestContextCore } from './runtime';
import { executeSync } from './runtime';

export class FakeRequestContext implements RequestContextCore {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  /** @internal */
  readonly _book: FakeExcel;
  /** @internal operations queued since the last sync */
  _queue: QueuedOp[] = [];
  /** @internal set when the Excel.run batch that owns this context has finished */
  _closed = false;

  constructor(book: FakeExcel) {
    this._book = book;
    this.workbook = new WorkbookProxy(this, book);
    this.application = new ApplicationProxy(this, book);
  }

  /** @internal */
  _push(op: QueuedOp): void {
    this._queue.push(op);
  }

  /** number of operations and loads waiting for the next sync */
  get pendingCount(): number {
    return this._queue.length;
  }

  /**
   * Send the queued operations. They run in queue order; loaded values become
   * readable when the returned promise resolves (never synchronously). A sync
   * with nothing queued resolves without a round trip and is not counted.
   */
  sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._queue;
    this._queue = [];
    // like Office.js, nothing queued means no round trip (not counted as a sync)
    if (ops.length === 0) return Promise.resolve(passThroughValue as T);
    const closed = this._closed;
    return Promise.resolve().then(() => {
      executeSync(this._book, this, ops, closed);
      return passThroughValue as T;
    });
  }
}
