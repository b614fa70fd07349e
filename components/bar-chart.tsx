/**
 * A bar chart drawn on the server as SVG (no JavaScript), with the same numbers in a table beside it:
 * the picture is for people who would rather look, the table for those who read or use a screen
 * reader (the SVG is one image named by its title; the table has the figures).
 */
export function BarChart({ id, title, points, labelHeader, valueHeader }: { id: string; title: string; points: readonly { label: string; value: number }[]; labelHeader: string; valueHeader: string }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const barWidth = 24;
  const gap = 8;
  const height = 160;
  const top = 16;
  const bottom = 56;
  const width = Math.max(200, points.length * (barWidth + gap) + gap);
  return (
    <div className="chart-pair">
      <svg className="chart" viewBox={`0 0 ${width} ${height + top + bottom}`} width={width} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{`${title} (a bar chart; the numbers are in the table beside it)`}</title>
        <line x1={0} x2={width} y1={top + height} y2={top + height} stroke="currentColor" strokeWidth={1} />
        {points.map((p, i) => {
          const h = Math.round((p.value / max) * height);
          const x = gap + i * (barWidth + gap);
          return (
            <g key={p.label}>
              <rect x={x} y={top + height - h} width={barWidth} height={h} fill="#5b3fa0">
                <title>{`${p.label}: ${p.value}`}</title>
              </rect>
              <text x={x + barWidth / 2} y={top + height - h - 3} fontSize={10} textAnchor="middle" fill="currentColor">
                {p.value}
              </text>
              <text x={x + barWidth / 2} y={top + height + 10} fontSize={10} textAnchor="end" fill="currentColor" transform={`rotate(-45 ${x + barWidth / 2} ${top + height + 10})`}>
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="num">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td className="num">{p.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
