/**
 * A text being built from pieces, joined once it is done, whose end is read and trimmed without
 * joining them. A text joined again and again, and read or trimmed at its end each time, takes time
 * that grows with the square of its length (a paragraph of 50,000 tags: a minute; one grown line by
 * line and trimmed at each line ending alike).
 */
export class TextPieces {
  readonly #pieces: string[];

  constructor(first: string) {
    this.#pieces = [first];
  }

  add(piece: string): void {
    this.#pieces.push(piece);
  }

  /** Its last `length` characters, or all of it when it is shorter. */
  end(length: number): string {
    let end = '';
    for (let i = this.#pieces.length - 1; i >= 0 && end.length < length; i--)
      end = (this.#pieces[i] ?? '').slice(-(length - end.length)) + end;
    return end;
  }

  /** Its end cut as `trim` cuts a text's end, across pieces that it empties. */
  trimEnd(trim: (piece: string) => string): void {
    for (let last = this.#pieces.pop(); last !== undefined; last = this.#pieces.pop()) {
      const trimmed = trim(last);
      if (trimmed !== '') {
        this.#pieces.push(trimmed);
        return;
      }
    }
  }

  isEmpty(): boolean {
    return this.#pieces.every((piece) => piece === '');
  }

  text(): string {
    return this.#pieces.join('');
  }
}
