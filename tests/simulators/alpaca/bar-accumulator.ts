/** Combines consecutive bars (minutes into hours, days into weeks) into one bar. */
import type { BarValues } from './prices.ts';

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Combines consecutive bars into one bar starting at `t`. */
export class BarAccumulator {
  readonly #t: number;
  #o = 0;
  #h = Number.NEGATIVE_INFINITY;
  #l = Number.POSITIVE_INFINITY;
  #c = 0;
  #v = 0;
  #n = 0;
  #notional = 0;
  #count = 0;

  constructor(t: number) {
    this.#t = t;
  }

  add(bar: BarValues): void {
    if (this.#count === 0) this.#o = bar.o;
    this.#count += 1;
    this.#h = Math.max(this.#h, bar.h);
    this.#l = Math.min(this.#l, bar.l);
    this.#c = bar.c;
    this.#v += bar.v;
    this.#n += bar.n;
    this.#notional += bar.vw * bar.v;
  }

  result(): BarValues | undefined {
    if (this.#count === 0) return undefined;
    const vw = this.#v > 0 ? round(this.#notional / this.#v, 4) : round((this.#h + this.#l + this.#c) / 3, 4);
    return { t: this.#t, o: this.#o, h: this.#h, l: this.#l, c: this.#c, v: this.#v, n: this.#n, vw };
  }
}
