export const COMPOSER_ID = 'composer-input';

/** Puts the caret in the Message box (after sending, picking a suggestion, starting a new chat). */
export function focusComposer(): void {
  const element = document.getElementById(COMPOSER_ID);
  if (element instanceof HTMLTextAreaElement) {
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }
}

/** The DOM id of an order card (its section), so a notification click or a shortcut can bring it into view. */
export const orderCardDomId = (proposalId: string) => `order-card-${proposalId}`;

/** Scrolls an order card into view and focuses it, once it has rendered (tries for about a second). */
export function focusOrderCard(proposalId: string, tries = 20): void {
  const element = document.getElementById(orderCardDomId(proposalId));
  if (element) {
    element.scrollIntoView({ block: 'center' });
    element.focus();
    return;
  }
  if (tries > 0) setTimeout(() => { focusOrderCard(proposalId, tries - 1); }, 50);
}
