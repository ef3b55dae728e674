export { type Cents, formatUsd, sumCents, brandCents, ZERO_CENTS } from "./cents.ts";
export {
  type ExactDecimal,
  getExactDecimalDenominator,
  multiplyExactDecimal,
  readExactDecimal,
  convertExactDecimalToNumber,
} from "./exact-decimal.ts";
export { roundHalfUp } from "./round-half-up.ts";
