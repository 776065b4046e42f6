/**
 * Typed errors of strided. Every message names the operand and the offending values, so a user can
 * tell which argument was wrong without a debugger. Catch `StridedError` for all of them.
 */
export class StridedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** An index, slice or index expression is out of range or malformed (NumPy: IndexError). */
export class IndexError extends StridedError {}

/** An axis argument is out of range or repeated (NumPy: AxisError). */
export class AxisError extends IndexError {}

/** Shapes do not match: reshape size, broadcasting, `out` shape, concatenation (NumPy: ValueError). */
export class ShapeError extends StridedError {}

/** Unknown dtype, a dtype not allowed for an op, or a bigint/number mix-up (NumPy: TypeError). */
export class DTypeError extends StridedError {}

/** Shape, strides or offset would address memory outside the buffer. */
export class BoundsError extends StridedError {}

/** A write to a read-only view (NumPy: "assignment destination is read-only"). */
export class ReadOnlyError extends StridedError {}

/** A bad value that is none of the above: zero slice step, bad option, empty reduction (NumPy: ValueError). */
export class ValueError extends StridedError {}

/** An output operand aliases an input in a way that could corrupt the result; nothing was written. */
export class OverlapError extends StridedError {}

/** The overlap solver ran out of its work budget (NumPy: numpy.exceptions.TooHardError). */
export class TooHardError extends StridedError {}

/** Integer arithmetic would overflow (NumPy: OverflowError), e.g. in the overlap solver or a scalar cast. */
export class OverflowError extends StridedError {}
