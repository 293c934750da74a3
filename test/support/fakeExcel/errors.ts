/**
 * Errors of the fake, shaped like OfficeExtension.Error: `code`, `message` and
 * `debugInfo: { code, message, errorLocation }`.
 */

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'RequestPayloadSizeLimitExceeded'
  | 'InvalidOperationInCellEditMode'
  | 'GeneralException'
  | 'ItemAlreadyExists';

export interface FakeDebugInfo {
  code: FakeErrorCode;
  message: string;
  /** the operation that failed, e.g. "Range.values" (empty for errors outside a sync) */
  errorLocation: string;
}

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: FakeDebugInfo;

  constructor(code: FakeErrorCode, message: string, errorLocation = '') {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }

  /** the same error with the location of the operation that raised it */
  at(errorLocation: string): FakeOfficeError {
    if (this.debugInfo.errorLocation) return this;
    const e = new FakeOfficeError(this.code, this.message, errorLocation);
    e.stack = this.stack;
    return e;
  }
}

export function fail(code: FakeErrorCode, message: string): never {
  throw new FakeOfficeError(code, message);
}

export function propertyNotLoaded(owner: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${owner}) and call "context.sync()" on the associated request context.`,
    `${owner}.${prop}`,
  );
}
