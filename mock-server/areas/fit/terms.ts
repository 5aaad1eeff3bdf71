/**
 * The words of a text, as fit analysis compares them: lower-cased runs of letters and digits,
 * each without a final "s" when it has 4 letters or more (so "payments" meets "payment", and
 * "Startups" meets "startup"). A phrase matches when its words appear one after another.
 */

/** The words of a text as written: lower-cased runs of letters and digits. */
export function writtenWordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A written word as fit analysis compares it: without a final "s" when it has 4 letters or more. */
export function compared(word: string): string {
  return word.length >= 4 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** The words of a text, compared as fit analysis compares them. */
export function wordsOf(text: string): string[] {
  return writtenWordsOf(text).map(compared);
}

/** A text's words, ready to be searched for phrases. */
export class Words {
  readonly list: readonly string[];
  readonly #set: ReadonlySet<string>;

  constructor(text: string) {
    this.list = wordsOf(text);
    this.#set = new Set(this.list);
  }

  has(word: string): boolean {
    return this.#set.has(word);
  }

  /** Whether the phrase's words appear here one after another. */
  hasPhrase(phrase: string): boolean {
    const words = wordsOf(phrase);
    const [first] = words;
    if (first === undefined || !this.#set.has(first)) return false;
    for (let i = 0; i + words.length <= this.list.length; i++) {
      if (words.every((word, j) => this.list[i + j] === word)) return true;
    }
    return false;
  }
}
