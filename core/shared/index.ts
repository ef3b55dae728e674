export { assertNever } from "./assert-never.ts";
export { cleanMessageText, clipText } from "./clip-text.ts";
