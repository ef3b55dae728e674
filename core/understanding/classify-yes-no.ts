export type YesNo = "yes" | "no";

/** Openings that mean no. Checked before yes so "no problem"-style phrases are listed explicitly below. */
const NO_START =
  /^(?:no+|nope|nah|naw|negative|not really|not at all|no thanks|no thank you|no gracias|none|nothing|never|nobody|no one|i don'?t think so|don'?t think so|we don'?t|we do not|there won'?t be|there will not be|there are no|there is no|it isn'?t|it'?s not|it is not|they won'?t|they will not|they aren'?t|not|wrong|incorrect|that'?s wrong|that'?s not right|ninguno|ninguna|nada|nadie|no hay|no habra|para nada|incorrecto|negativo|👎|❌|🚫)(?![\p{L}\p{N}])/u;
/** Openings that start with "no" but mean yes or are not an answer. */
const NO_EXCEPTIONS =
  /^(?:no problem|no worries|no prob|no doubt|no es problema|not sure|no idea|no se|no estoy segur[oa]|not certain|nothing else)\b/;
const YES_START =
  /^(?:ye+s+|yeah+|yea|ya|yah|yep|yup|yus|sure|ok+|okay|okey|k|kk|correct|confirm(?:ed)?|sounds good|sounds great|that'?s right|that'?s correct|that is correct|that is right|right|absolutely|affirmative|definitely|of course|please do|go ahead|do it|book it|looks good|looks great|looks right|perfect|great|all good|all correct|yes please|i think so|we do|there will be|there are|it is|it'?s correct|they are|they will|we will|100%|si+|claro|de acuerdo|correcto|vale|dale|perfecto|esta bien|asi es|exacto|por supuesto|afirmativo|simon|confirmo|👍|👌|✅|✔️?|🆗)(?![\p{L}\p{N}])/u;

/**
 * Reads a yes/no answer from how the message opens: "yes", "Yeah that's right", "sí", "claro", "👍" /
 * "no", "nope", "not really", "no gracias", "none". Null when it is neither ("not sure", "maybe").
 */
export function classifyYesNo(folded: string): YesNo | null {
  const opening = folded.replace(/^[\s"'¿¡.,!]+/, "");
  if (opening === "") return null;
  // Single letters only count alone: "y el sábado" is Spanish "and Saturday".
  if (/^[yn][\s.!]*$/.test(opening)) return opening.startsWith("y") ? "yes" : "no";
  if (NO_EXCEPTIONS.test(opening))
    return /^no (?:problem|worries|prob|doubt|es problema)/.test(opening) ? "yes" : null;
  if (NO_START.test(opening)) return "no";
  if (YES_START.test(opening)) return "yes";
  return null;
}
