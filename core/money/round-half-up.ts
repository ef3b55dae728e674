/**
 * The one place the product rounds money.
 *
 * Returns round_half_up(numerator / denominator) for a non-negative integer numerator and a
 * positive integer denominator, using integer arithmetic only: floor((2n + d) / (2d)). Policy
 * amounts are `round_half_up(unitCents * minutes / 60)`, so callers pass `unitCents * minutes`
 * and 60 rather than a float that might be 59790.49999… instead of 59790.5.
 *
 * Numbers are used while every intermediate value is a safe integer (the hot path); otherwise
 * the same formula runs on bigint, so the answer is exact for any input whose result fits.
 */
export function roundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  if (typeof numerator === "number" && typeof denominator === "number") {
    assertNonNegativeInteger(numerator, "numerator");
    if (!Number.isSafeInteger(denominator) || denominator <= 0) {
      throw new RangeError(`roundHalfUp: denominator must be a positive safe integer, got ${denominator}`);
    }
    const twiceNumeratorPlusDenominator = numerator * 2 + denominator;
    if (Number.isSafeInteger(twiceNumeratorPlusDenominator)) {
      const twiceDenominator = denominator * 2;
      // Exact floor division: subtracting the remainder leaves an exact multiple.
      return (
        (twiceNumeratorPlusDenominator - (twiceNumeratorPlusDenominator % twiceDenominator)) /
        twiceDenominator
      );
    }
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (n < 0n) throw new RangeError(`roundHalfUp: numerator must be non-negative, got ${n}`);
  if (d <= 0n) throw new RangeError(`roundHalfUp: denominator must be positive, got ${d}`);
  const result = (2n * n + d) / (2n * d);
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`roundHalfUp: result ${result} is not a safe integer`);
  }
  return Number(result);
}

function assertNonNegativeInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`roundHalfUp: ${name} must be a non-negative integer, got ${value}`);
  }
}
