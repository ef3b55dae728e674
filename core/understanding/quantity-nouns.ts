/**
 * Nouns that make the number before them a quantity ("2 officers", "200 people", "4 hours"), never
 * a time, a date or a house number. Folded forms, as a regex source to use in lookaheads.
 */
export const QUANTITY_NOUN_PATTERN =
  "(?:officers?|cops?|deput(?:y|ies)|troopers?|police|policem[ae]n|polic[ei]as?|oficiales|oficial|agentes?|guards?|" +
  "guardias?|hours?|hrs?|horas?|minutes?|mins?|minutos?|cars?|vehicles?|vehiculos?|cruisers?|patrullas?|trucks?|" +
  "units?|unidades|miles?|mi|millas?|people|persons?|personas|guests|attendees|invitados|kids|children|ninos|" +
  "students|vendors|booths|lanes|carriles|entrances|gates|doors|locations|spots|acres|ft|feet|yards|days?|dias?|" +
  "nights?|noches|weeks?|semanas?|months?|meses|years?|anos|times|veces|positions?|shifts?|turnos?|x)\\b";
