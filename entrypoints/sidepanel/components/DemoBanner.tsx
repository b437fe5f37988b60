/**
 * Demo mode's label on every panel (`npm start`): it cannot be missed and cannot be dismissed. The build flag is a
 * constant, so a normal build contains none of this.
 */
export function DemoBanner() {
  if (!__CLERA_DEMO__) return null;
  return (
    <div className="demo-banner" role="region" aria-label="Demo mode">
      <strong>Demo mode.</strong> Answers come from a scripted local model and prices from a simulated market, not from Claude or a real broker. This
      build can only reach the local simulators.
    </div>
  );
}
