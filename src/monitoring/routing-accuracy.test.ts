import { describe, expect, it } from 'vitest';
import { feedbackLabel, routingAccuracy } from './routing-accuracy';

const none = { feedbackRight: 0, feedbackWrong: 0, handoffs: 0, evalRight: 0, evalWrong: 0 };

describe('routingAccuracy', () => {
  it.each([
    // 17 right of 20 labelled (12 + 5 right; 1 wrong by feedback, 2 hand-offs)
    [{ feedbackRight: 12, feedbackWrong: 1, handoffs: 2, evalRight: 5, evalWrong: 0 }, 20, 20, 17, 0.85],
    // 9 right of 10, with a minimum of 10
    [{ ...none, evalRight: 9, evalWrong: 1 }, 10, 10, 9, 0.9],
    // hand-offs alone: all wrong
    [{ ...none, handoffs: 4 }, 3, 4, 0, 0],
  ])('computes accuracy from labelled turns %#', (labels, minimum, labelled, right, accuracy) => {
    const result = routingAccuracy(labels, minimum);
    expect(result.labelled).toBe(labelled);
    expect(result.right).toBe(right);
    expect(result.accuracy).toBeCloseTo(accuracy, 10);
  });

  it('gives no figure below the minimum number of labelled turns', () => {
    const result = routingAccuracy({ ...none, feedbackRight: 19 }, 20);
    expect(result).toMatchObject({ labelled: 19, right: 19, accuracy: null });
  });

  it('gives no figure with no labels even when the minimum is 0', () => {
    expect(routingAccuracy(none, 0).accuracy).toBeNull();
  });

  it.each([
    ['good', undefined, 'right'],
    ['good', 'wrong-specialist', 'right'],
    ['bad', 'wrong-specialist', 'wrong'],
    ['bad', 'wrong-figures', null],
    ['bad', undefined, null],
  ] as const)('reads %s feedback with reason %s as %s', (rating, reason, label) => {
    expect(feedbackLabel(rating, reason)).toBe(label);
  });
});
