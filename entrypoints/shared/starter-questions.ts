/** Three first questions that use the user's own portfolio once the keys work (the empty panel and onboarding). */
export const starterQuestions = [
  'How is my portfolio doing today?',
  'How diversified is my portfolio, and what is my biggest risk?',
  'What moved my largest holding this week?',
] as const;
