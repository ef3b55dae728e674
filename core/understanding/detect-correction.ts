/**
 * Words that mark a message as correcting an earlier answer: "actually", "make it 3", "change the
 * date", "instead", "I meant", "en realidad", "cambia", "mejor", "en vez de".
 */
const CORRECTION =
  /\b(?:actually|make it|make that|change|changed|changing|instead|i meant|i mean|meant to say|correction|scratch that|update|switch|should be|not \w+,? but|oops|wait|en realidad|cambia|cambiar|cambialo|cambiala|cambio|mejor|perdon|quise decir|en (?:vez|lugar) del?|corrijo|correccion|corrige|siempre no|ya no)\b/;

/** True when the message corrects an earlier answer; the parser never says false, only true or null. */
export function detectCorrection(folded: string): true | null {
  return CORRECTION.test(folded) ? true : null;
}
