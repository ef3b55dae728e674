/** Vocabulary of US street addresses, folded (lower case, no accents). */
/** Directions before a street name ("4500 E Broadway"). */
export const DIRECTIONS = new Set([
  "n",
  "s",
  "e",
  "w",
  "ne",
  "nw",
  "se",
  "sw",
  "north",
  "south",
  "east",
  "west",
  "norte",
  "sur",
  "oeste",
]);
/** Street types after the name ("St", "Blvd"); words like "run" or "walk" are left out as too common. */
export const SUFFIXES = new Set(
  (
    "st street ave av avenue blvd boulevard rd road dr drive ln lane way pkwy parkway hwy highway ct court pl place " +
    "cir circle trl trail ter terrace loop sq square plz plaza pike fwy freeway expy expressway " +
    "crossing xing aly alley cv cove pt ctr center"
  ).split(" "),
);
/** Spanish street types come before the name ("4500 Calle del Sol"). */
export const PREFIX_TYPES = new Set([
  "calle",
  "avenida",
  "camino",
  "carretera",
  "paseo",
  "calzada",
  "via",
  "circuito",
  "privada",
]);
/** Unit designators that belong to line 1 ("Suite 200", "#5"). */
export const UNIT_WORDS = new Set([
  "apt",
  "apartment",
  "suite",
  "ste",
  "unit",
  "bldg",
  "building",
  "room",
  "rm",
  "#",
  "lot",
  "space",
]);
/** Words that end a street or city name: dates, times, counts, prepositions, everyday words. */
export const STOP_WORDS = new Set(
  (
    "for from on at to until till til with and by starting between in near de del a el la para por con desde hasta y " +
    "the this next today tonight tomorrow hoy manana noon midnight am pm a.m. p.m. need needs please we i is it " +
    "that which where when who if or but so then also around about approximately starting start end ends ending " +
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat " +
    "lunes martes miercoles jueves viernes sabado domingo " +
    "january february march april may june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec enero febrero marzo abril mayo junio julio agosto septiembre " +
    "octubre noviembre diciembre " +
    "officer officers cop cops deputy deputies police policia policias oficial oficiales patrulla instead then " +
    "ok okay thanks please pls because since as but when while behind across off they our my your there here its " +
    "us will would should could can want have has had are were be been do does did not no yes just only " +
    "traffic security control event store"
  ).split(" "),
);
/** Words after which a number and a capitalised word are read as an address. */
export const ANCHORS = new Set([
  "at",
  "@",
  "en",
  "is",
  "address",
  "located",
  "on",
  "direccion",
  "es",
  "near",
]);
/** "N La Cholla Blvd", "El Camino Real": capitalised articles belong to the street name. */
export const STREET_ARTICLES = new Set(["la", "el", "de", "del", "los", "las"]);
/** First words of two-word cities ("San Antonio", "Corpus Christi"). */
export const MULTIWORD_CITY_FIRSTS = new Set([
  "san",
  "santa",
  "los",
  "las",
  "el",
  "la",
  "new",
  "fort",
  "ft",
  "corpus",
  "grand",
  "round",
  "glen",
  "cedar",
  "port",
  "south",
  "north",
  "west",
  "east",
  "st",
  "saint",
  "sugar",
  "league",
  "oro",
  "sierra",
  "casa",
  "grand",
  "palm",
  "del",
]);
/** Directions after a street type ("Main St NW"). */
export const POST_DIRECTIONS = new Set(["n", "s", "e", "w", "ne", "nw", "se", "sw"]);
