declare const centsBrand: unique symbol;

/**
 * An amount of money in integer US cents. Branded so a plain number (minutes, miles, dollars)
 * cannot be passed where money is expected without going through `brandCents`.
 */
export type Cents = number & { readonly [centsBrand]: "Cents" };

/** Zero cents, typed. */
export const ZERO_CENTS = 0 as Cents;

/**
 * Brands an integer number of cents. Throws on fractions or unsafe integers because a fractional
 * cent reaching an invoice is a bug upstream, never a customer mistake.
 */
export function brandCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`cents must be a safe integer, got ${value}`);
  }
  return value as Cents;
}

/** Sums amounts of cents; the result is checked to stay a safe integer. */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let totalCents = 0;
  for (const amountCents of amounts) totalCents += amountCents;
  return brandCents(totalCents);
}

/** Formats cents as US dollars for people, e.g. 5650 → "$56.50". Never used for arithmetic. */
export function formatUsd(amountCents: Cents): string {
  const sign = amountCents < 0 ? "-" : "";
  const absoluteCents = Math.abs(amountCents);
  const dollars = Math.floor(absoluteCents / 100).toLocaleString("en-US");
  const cents = String(absoluteCents % 100).padStart(2, "0");
  return `${sign}$${dollars}.${cents}`;
}
