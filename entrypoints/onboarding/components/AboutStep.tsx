/** What the product is and is not, before anything else. */
export function AboutStep() {
  return (
    <div className="help">
      <p>
        Clera is an AI assistant for your investments that lives in Chrome’s side panel. It answers questions about markets, companies and your own
        portfolio with live figures, and it can prepare orders that you confirm yourself.
      </p>
      <ul>
        <li>
          <strong>Not investment advice.</strong> Clera explains and calculates; it is not a licensed adviser, and the decisions are yours.
        </li>
        <li>
          <strong>Paper trading by default.</strong> Orders go to Alpaca’s paper account with simulated money. Live trading needs live keys and an
          explicit second confirmation in Settings.
        </li>
        <li>
          <strong>Nothing is placed without you.</strong> Every order shows its checks on a card and waits for your Confirm order.
        </li>
        <li>
          <strong>Your keys, your browser.</strong> Clera runs on your own Anthropic and Alpaca keys, stored encrypted in this browser. There is no
          Clera server.
        </li>
      </ul>
    </div>
  );
}
