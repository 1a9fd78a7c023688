import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

/** A tiny trend line for a KPI card; decorative, the card's number and the page's tables carry the values. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  if (values.filter((v) => v !== null).length < 2) return null;
  const data = values.map((v, i) => ({ i, v }));
  return (
    <div className="sparkline" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
          <YAxis hide domain={['dataMin', 'dataMax']} />
          <Line
            dataKey="v"
            stroke="#3b5bdb"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
