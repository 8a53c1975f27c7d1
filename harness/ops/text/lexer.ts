/**
 * Splits one op line into tokens: bare words, quoted strings and the punctuation of the op syntax. A `#` outside a
 * string starts a comment that runs to the end of the line.
 */
import { isBareChar, QuoteError, unquote } from './quote';

/** The punctuation of op text. */
export type Sym = '[' | ']' | '(' | ')' | '/' | '=' | ',' | '@';

/** One token of an op line; `column` is 1-based. */
export type Token =
  | { readonly type: 'word'; readonly value: string; readonly column: number }
  | { readonly type: 'string'; readonly value: string; readonly column: number }
  | { readonly type: 'sym'; readonly value: Sym; readonly column: number };

const SYMS = new Set<string>(['[', ']', '(', ')', '/', '=', ',', '@']);

/** A line that cannot be read as op text, with the 1-based column of the problem. */
export class OpSyntaxError extends Error {
  override readonly name = 'OpSyntaxError';

  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Tokenises one line; throws OpSyntaxError on a character that cannot start a token or a bad string. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (ch === '#') {
      break;
    } else if (ch === '"') {
      try {
        const { value, end } = unquote(line, i);
        tokens.push({ type: 'string', value, column: i + 1 });
        i = end;
      } catch (err) {
        if (err instanceof QuoteError) throw new OpSyntaxError(err.message, err.column + 1);
        throw err;
      }
    } else if (SYMS.has(ch)) {
      tokens.push({ type: 'sym', value: ch as Sym, column: i + 1 });
      i++;
    } else if (isBareChar(ch)) {
      let end = i + 1;
      while (end < line.length && isBareChar(line[end] as string)) end++;
      tokens.push({ type: 'word', value: line.slice(i, end), column: i + 1 });
      i = end;
    } else {
      throw new OpSyntaxError(`unexpected character ${JSON.stringify(ch)}`, i + 1);
    }
  }
  return tokens;
}
