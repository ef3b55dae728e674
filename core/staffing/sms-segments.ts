/**
 * SMS length as carriers bill it: text made only of GSM 03.38 characters is sent 7-bit (160 a
 * segment, 153 once split); anything else (an en dash, an emoji) makes the whole text UCS-2
 * (70 a segment, 67 once split). Offer texts go to many officers, so each segment is paid many
 * times over.
 */
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** Characters of the GSM extension table: each costs two septets (an escape, then the character). */
const GSM_EXTENSION = new Set("^{}\\[~]|€\f");

/** Segments an SMS of `text` takes (at least 1). */
export function countSmsSegments(text: string): number {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENSION.has(char)) septets += 2;
    else return countUcs2Segments(text);
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

function countUcs2Segments(text: string): number {
  // UTF-16 code units: a character outside the BMP takes two.
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}
