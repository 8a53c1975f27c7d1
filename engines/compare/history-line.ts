/** One line of an engine's history (DESIGN, History): `#i <op text> => <normalised result>`. */
import { jsonText, type Json } from './canonical-json';

/** Formats history line `#index op => result`, the result as one-line canonical JSON. */
export function historyLine(index: number, opText: string, result: Json): string {
  return `#${index} ${opText} => ${jsonText(result)}`;
}
