import { z } from 'zod';
import { safeParseJson } from '../protocol/json';

/** The numbers and dates a set of sources (tool results, the user's own words) contains. */
export interface SourceValues {
  numbers: number[];
  dates: Set<string>;
}

const ISO_DATE_LIKE = /\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/g;
const NUMBER_IN_TEXT = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

function addText(text: string, into: SourceValues) {
  for (const date of text.matchAll(ISO_DATE_LIKE)) into.dates.add(date[0].slice(0, 10));
  // Dates and times are taken out first, so "2026-03-05" does not ground "$5".
  const withoutDates = text.replace(ISO_DATE_LIKE, ' ');
  for (const match of withoutDates.matchAll(NUMBER_IN_TEXT)) into.numbers.push(Number(match[0].replaceAll(',', '')));
}

function walk(value: unknown, into: SourceValues) {
  if (typeof value === 'number' && Number.isFinite(value)) into.numbers.push(Math.abs(value));
  else if (typeof value === 'string') addText(value, into);
  else if (Array.isArray(value)) for (const item of value) walk(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) walk(item, into);
}

/**
 * Collects every number (absolute value) and ISO date in the given sources. A JSON source is walked value by value
 * (keys are ignored); a source that is not JSON is read as plain text.
 */
export function collectSourceValues(jsonSources: readonly string[], textSources: readonly string[] = []): SourceValues {
  const values: SourceValues = { numbers: [], dates: new Set() };
  for (const source of jsonSources) {
    const parsed = safeParseJson(z.unknown(), source);
    if (parsed.ok) walk(parsed.value, values);
    else addText(source, values);
  }
  for (const text of textSources) addText(text, values);
  values.numbers = [...new Set(values.numbers)];
  return values;
}
