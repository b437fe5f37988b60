export const COMPOSER_ID = 'composer-input';

/** Puts the caret in the Message box (after sending, picking a suggestion, starting a new chat). */
export function focusComposer(): void {
  const element = document.getElementById(COMPOSER_ID);
  if (element instanceof HTMLTextAreaElement) {
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }
}
