/**
 * A wide table's own scrolling box: on a narrow screen the table scrolls sideways inside it and the
 * page does not. Focusable and named, so keyboard users can scroll it with the arrow keys and screen
 * readers announce what it holds (WCAG 2.1.1, and axe's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
