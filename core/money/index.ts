export { type Cents, formatUsd, sumCents, toCents, ZERO_CENTS } from "./cents.ts";
export {
  type ExactDecimal,
  getExactDecimalDenominator,
  multiplyExactDecimal,
  toExactDecimal,
  toNumber,
} from "./exact-decimal.ts";
export { roundHalfUp } from "./round-half-up.ts";
