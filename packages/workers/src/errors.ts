/**
 * Errors of the worker runtime. All extend @strided/core's StridedError.
 */
import { StridedError } from '@strided/core'

/** A job was cancelled through its AbortSignal (queued: dropped; running: stopped at the next block). */
export class AbortError extends StridedError {
  /**
   * @param message - what was aborted, and when
   * @param reason - the signal's reason
   */
  constructor(message = 'The operation was aborted', readonly reason?: unknown) {
    super(message)
  }
}

/** A worker thread died while running part of a job; the pool replaces it and later jobs still run. */
export class WorkerCrashError extends StridedError {
  /**
   * @param message - the job and what failed
   * @param cause - the worker's error
   */
  constructor(message: string, override readonly cause?: unknown) {
    super(message)
  }
}

/** An operand lives in an ArrayBuffer, which threads cannot share. */
export class NotSharedError extends StridedError {}

/** The runtime was closed; no new jobs are accepted. */
export class RuntimeClosedError extends StridedError {}
