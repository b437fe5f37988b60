/**
 * Routing accuracy from the labels the product has: the user's feedback on answers, turns that handed off away from
 * their first route, and imported evaluation results. A "Good answer" says the route was right; a "Bad answer" with
 * the reason "wrong specialist", or a hand-off, says it was wrong; a "Bad answer" for another reason says nothing
 * about routing. A turn with both feedback and a hand-off counts once, by its feedback.
 */
export interface RoutingLabels {
  feedbackRight: number;
  feedbackWrong: number;
  /** Hand-offs in turns that have no routing feedback. */
  handoffs: number;
  evalRight: number;
  evalWrong: number;
}

export interface RoutingAccuracy {
  labelled: number;
  right: number;
  /** right / labelled, or null below the minimum number of labelled turns. */
  accuracy: number | null;
  minimum: number;
  sources: { feedback: number; handoffs: number; evaluation: number };
}

export const DEFAULT_MINIMUM_LABELS = 20;

export function routingAccuracy(labels: RoutingLabels, minimum: number = DEFAULT_MINIMUM_LABELS): RoutingAccuracy {
  const feedback = labels.feedbackRight + labels.feedbackWrong;
  const evaluation = labels.evalRight + labels.evalWrong;
  const labelled = feedback + labels.handoffs + evaluation;
  const right = labels.feedbackRight + labels.evalRight;
  return {
    labelled,
    right,
    accuracy: labelled >= Math.max(1, minimum) ? right / labelled : null,
    minimum,
    sources: { feedback, handoffs: labels.handoffs, evaluation },
  };
}

/** What one piece of feedback says about routing: right, wrong, or nothing. */
export function feedbackLabel(rating: 'good' | 'bad', reason: string | undefined): 'right' | 'wrong' | null {
  if (rating === 'good') return 'right';
  return reason === 'wrong-specialist' ? 'wrong' : null;
}
