import { describe, expect, it } from 'vitest';
import { formatWhen } from './format-time';

describe('formatWhen', () => {
  const now = new Date(2025, 5, 15, 18, 0);
  it('shows the time for today, the day this year, and the full date before', () => {
    expect(formatWhen(new Date(2025, 5, 15, 9, 5).toISOString(), now, 'en-US')).toBe('9:05 AM');
    expect(formatWhen(new Date(2025, 2, 3, 9, 5).toISOString(), now, 'en-US')).toBe('Mar 3');
    expect(formatWhen(new Date(2024, 2, 3, 9, 5).toISOString(), now, 'en-US')).toBe('Mar 3, 2024');
  });

  it('shows nothing for a date it cannot read', () => {
    expect(formatWhen('not a date', now)).toBe('');
  });
});
