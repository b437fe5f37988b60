import { extractAnswerFigures } from './answer-figures';
import { findUngroundedFigures, type UngroundedFigure } from './grounded-figures';

export interface AnswerCheck {
  /** Figures (money, percentages, share counts, dates) found in the answer. */
  figuresChecked: number;
  /** Those that no successful tool result of the turn supports, with their place in the answer's text. */
  ungrounded: UngroundedFigure[];
}

/**
 * Checks every figure of a finished answer against the turn's successful tool results (what the model was given),
 * the user's own words and today's date. A failed tool call is not data: its figures ground nothing.
 */
/** The parts of a run the check reads (a RunState fits): its text and its tool results. */
export interface CheckedRun {
  text: string;
  toolResults: Record<string, { ok: boolean; content: string }>;
}

export function checkAnswerFigures(state: CheckedRun, userText: string, today: string): AnswerCheck {
  const results = Object.values(state.toolResults)
    .filter((record) => record.ok)
    .map((record) => record.content);
  return {
    figuresChecked: extractAnswerFigures(state.text).length,
    ungrounded: findUngroundedFigures(state.text, results, { context: [userText, today] }),
  };
}
