/** A read position over the tokens of one op line, with the checks every parser needs. */
import { OpSyntaxError, type Sym, type Token } from './lexer';

/** Walks the tokens of one line; every failure is an OpSyntaxError naming the column. */
export class Cursor {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly lineLength: number,
  ) {}

  /** The token `offset` places ahead, or undefined past the end. */
  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  /** True when no token is left. */
  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** True when the next token is the symbol `sym`. */
  atSym(sym: Sym, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.type === 'sym' && t.value === sym;
  }

  /** True when the next token is the bare word `word` and not a `key=` prefix. */
  atWord(word: string): boolean {
    const t = this.peek();
    return t !== undefined && t.type === 'word' && t.value === word && !this.atSym('=', 1);
  }

  /** Consumes and returns the next token. */
  next(what: string): Token {
    const t = this.peek();
    if (t === undefined) this.fail(`expected ${what}, found end of line`);
    this.index++;
    return t;
  }

  /** Consumes the symbol `sym` or fails. */
  expectSym(sym: Sym): void {
    const t = this.next(`'${sym}'`);
    if (t.type !== 'sym' || t.value !== sym) this.fail(`expected '${sym}'`, t);
  }

  /** Consumes a bare word and returns it. */
  word(what: string): string {
    const t = this.next(what);
    if (t.type !== 'word') this.fail(`expected ${what}`, t);
    return t.value;
  }

  /** Fails at `token` (the next one by default). */
  fail(message: string, token: Token | undefined = this.peek()): never {
    const found = token === undefined ? '' : `, found ${describe(token)}`;
    throw new OpSyntaxError(`${message}${found}`, token?.column ?? this.lineLength + 1);
  }
}

function describe(t: Token): string {
  if (t.type === 'sym') return `'${t.value}'`;
  const shown = t.value.length > 20 ? `${t.value.slice(0, 20)}...` : t.value;
  return t.type === 'word' ? `word ${JSON.stringify(shown)}` : `string ${JSON.stringify(shown)}`;
}
