/**
 * A non-negative decimal number held exactly as `numerator / 10^scale` (bigint), so quantities a
 * customer types with decimals (miles) can be multiplied by a price without binary-float error.
 */
export interface ExactDecimal {
  numerator: bigint;
  /** Number of decimal places; the value is numerator / 10^scale. */
  scale: number;
}

const DECIMAL_PATTERN = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * Reads a finite non-negative number as the decimal it was written as. `String(x)` gives the
 * shortest decimal that round-trips to x, which is what the customer typed (12.345 stays
 * 12.345, not 12.3449999…).
 */
export function readExactDecimal(value: number): ExactDecimal {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`readExactDecimal: expected a finite non-negative number, got ${value}`);
  }
  const match = DECIMAL_PATTERN.exec(String(value));
  if (!match) throw new RangeError(`readExactDecimal: cannot read ${value}`);
  const integerDigits = match[1] ?? "0";
  const fractionDigits = match[2] ?? "";
  const exponent = Number(match[3] ?? "0");
  let numerator = BigInt(integerDigits + fractionDigits);
  let scale = fractionDigits.length - exponent;
  if (scale < 0) {
    numerator *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { numerator, scale };
}

/** Multiplies an exact decimal by a non-negative integer. */
export function multiplyExactDecimal(value: ExactDecimal, factor: number): ExactDecimal {
  if (!Number.isSafeInteger(factor) || factor < 0) {
    throw new RangeError(`multiplyExactDecimal: factor must be a non-negative integer, got ${factor}`);
  }
  return { numerator: value.numerator * BigInt(factor), scale: value.scale };
}

/** 10^scale as bigint: the denominator of an exact decimal. */
export function getExactDecimalDenominator(value: ExactDecimal): bigint {
  return 10n ** BigInt(value.scale);
}

/** Converts back to the nearest JavaScript number (for display fields such as `miles`). */
export function convertExactDecimalToNumber(value: ExactDecimal): number {
  if (value.scale === 0) return Number(value.numerator);
  const digits = value.numerator.toString().padStart(value.scale + 1, "0");
  const cut = digits.length - value.scale;
  return Number(`${digits.slice(0, cut)}.${digits.slice(cut)}`);
}
