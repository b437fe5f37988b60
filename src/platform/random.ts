/** A uniform fraction in [0, 1) for jitter (never for ids or secrets: use IdSource or the vault). Tests pass a fixed one. */
export type RandomSource = () => number;

export const systemRandom: RandomSource = () => Math.random();
