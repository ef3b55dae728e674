import type { Language } from "../agencies/index.ts";

/**
 * Marker words, folded (lower case, no accents). Strong markers (weight 2) settle a language alone;
 * weak ones (weight 1) need company, so "yes", "3" or a bare name stay undecided.
 */
const SPANISH_STRONG = new Set(
  (
    "hola necesito necesitamos ocupo ocupamos quiero queremos quisiera oficial oficiales policia policias agentes " +
    "manana sabado domingo lunes martes miercoles jueves viernes gracias buenos buenas dias tardes noches " +
    "patrulla patrullas hoy horas hora calle avenida claro ayuda cancelar reserva evento fiesta boda tienda " +
    "iglesia ninguno ninguna nada pero bien llamo nombre donde cuando cuanto cuesta precio enero febrero marzo " +
    "abril mayo junio julio agosto septiembre octubre noviembre diciembre desde hasta vale dale porfa bueno " +
    "tambien seguridad trafico construccion millas nosotros carro coche vehiculo favor estacionamiento " +
    "necesita solicitud empresa gracias tengo tenemos habra cerveza guardias armados abogado desalojo noche enlace"
  ).split(" "),
);
const SPANISH_WEAK = new Set(
  "el la los las de del con sin en es soy mi mis su que y para una uno dos tres cuatro cinco seis siete ocho nueve diez si por al son".split(
    " ",
  ),
);
const ENGLISH_STRONG = new Set(
  (
    "need needs needed officer officers cop cops deputy deputies please thanks thank hello hi hey tomorrow tonight " +
    "today saturday sunday monday tuesday wednesday thursday friday would could should there their what how " +
    "want looking booking request security traffic construction the with from our yeah yep nope okay sure " +
    "vehicle car cars hours miles address name street avenue morning evening night afternoon"
  ).split(" "),
);
const ENGLISH_WEAK = new Set(
  "i we you my is are and for at on to of it it's i'm this that yes can will have has be an a in by".split(
    " ",
  ),
);
/** Characters only Spanish uses among the two: inverted marks, ñ and accented vowels. */
const SPANISH_CHARACTERS = /[¿¡ñÑáéíóúÁÉÍÓÚ]/;

/**
 * The message's language: Spanish when Spanish markers outweigh English ones, English the other way,
 * null when neither reaches weight 2 or they tie (then `fallback`, the conversation's language, if any).
 */
export function detectLanguage(original: string, folded: string, fallback: Language | null): Language | null {
  let spanish = SPANISH_CHARACTERS.test(original) ? 2 : 0;
  let english = 0;
  for (const word of folded.match(/[a-z']+/g) ?? []) {
    if (SPANISH_STRONG.has(word)) spanish += 2;
    else if (SPANISH_WEAK.has(word)) spanish += 1;
    if (ENGLISH_STRONG.has(word)) english += 2;
    else if (ENGLISH_WEAK.has(word)) english += 1;
  }
  if (spanish < 2 && english < 2) return null;
  if (spanish > english) return "es";
  if (english > spanish) return "en";
  return fallback;
}
