/** Shouting in a text: the share of capitals among cased letters, exclamation marks and runs of them ("!!"). */

export interface ToneStats {
  upper: number;
  lower: number;
  /** Offsets of every "!" in the text. */
  exclamations: number[];
  /** [start, end) of every run of two or more "!". */
  runs: Array<[number, number]>;
}

/** Counts capitals, lowercase letters and exclamation marks of `text` in one pass. */
export function toneStats(text: string): ToneStats {
  let upper = 0;
  let lower = 0;
  const exclamations: number[] = [];
  const runs: Array<[number, number]> = [];
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c === 33) {
      exclamations.push(i);
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart >= 2) runs.push([runStart, i]);
    runStart = -1;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 128) {
      const ch = text[i];
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  return { upper, lower, exclamations, runs };
}

/** The share of capitals among cased letters, or null when there are fewer than `minLetters` of them. */
export function capsRatio(stats: ToneStats, minLetters: number): number | null {
  const letters = stats.upper + stats.lower;
  return letters === 0 || letters < minLetters ? null : stats.upper / letters;
}
