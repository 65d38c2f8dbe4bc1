/**
 * Errors shaped like the ones Office.js raises (`OfficeExtension.Error`, whose runtime name is
 * "RichApi.Error"): a `code` string such as "InvalidArgument", a message, and `debugInfo`.
 */

/** Error codes used by the in-memory workbook (values as Office.js spells them). */
export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidObjectPath: 'InvalidObjectPath',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidRequestContext: 'InvalidRequestContext',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  mergedRangeConflict: 'MergedRangeConflict',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  unsupportedOperation: 'UnsupportedOperation',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface OfficeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class MemoryOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: OfficeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: MemoryOfficeError | null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = errorLocation ? { code, message, errorLocation } : { code, message };
  }
}

export function officeError(code: ErrorCode, message: string, errorLocation?: string): MemoryOfficeError {
  return new MemoryOfficeError(code, message, errorLocation);
}

/** The exact wording Office.js uses for a read of a property that was not loaded and synced. */
export function propertyNotLoaded(typeName: string, property: string): MemoryOfficeError {
  return new MemoryOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

/**
 * Office.js itself returns `undefined` for properties of a null object; this workbook throws instead,
 * because reading them is always a bug in an add-in (it should test `isNullObject` first).
 */
export function nullObjectProperty(typeName: string, property: string): MemoryOfficeError {
  return new MemoryOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available: this ${typeName} is a null object (isNullObject is true). Check isNullObject before reading other properties.`,
    `${typeName}.${property}`,
  );
}

export function valueNotLoaded(): MemoryOfficeError {
  return new MemoryOfficeError(
    ErrorCodes.valueNotLoaded,
    'The value of the result object has not been initialized. Call "context.sync()" before accessing the value property.',
    'ClientResult.value',
  );
}

export function invalidArgument(message: string, location?: string): MemoryOfficeError {
  return officeError(ErrorCodes.invalidArgument, message, location);
}

export function itemNotFound(what: string, location?: string): MemoryOfficeError {
  return officeError(
    ErrorCodes.itemNotFound,
    `The requested resource doesn't exist. (${what})`,
    location,
  );
}

export function isOfficeError(e: unknown): e is MemoryOfficeError {
  return e instanceof MemoryOfficeError;
}
