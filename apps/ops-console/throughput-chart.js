// Orders entering and completing per minute, as a uPlot chart (the library is served from
// node_modules as /console/vendor/uPlot.iife.min.js) that follows its container's width.
import { h } from './dom.js';

export function throughputChart(container) {
  const holder = h('div', { class: 'chart', role: 'img', 'aria-label': 'orders entering and completing per minute, last hour' });
  container.append(holder);
  let chart;
  const size = () => ({ width: Math.max(260, holder.clientWidth), height: 280 });
  const observer = new ResizeObserver(() => chart?.setSize(size()));
  observer.observe(holder);

  return {
    update(series) {
      const data = [series.map((m) => Date.parse(m.minute) / 1000), series.map((m) => m.entered), series.map((m) => m.completed)];
      if (chart) return chart.setData(data);
      chart = new window.uPlot(
        {
          ...size(),
          scales: { x: { time: true }, y: { range: (_, __, max) => [0, Math.max(4, Math.ceil(max * 1.2))] } },
          axes: [{ stroke: '#5b6677', grid: { stroke: '#eef1f5' } }, { stroke: '#5b6677', grid: { stroke: '#eef1f5' }, size: 40 }],
          series: [
            {},
            { label: 'entering', stroke: '#2f6fde', width: 2, fill: 'rgba(47,111,222,0.08)', points: { show: false } },
            { label: 'completing', stroke: '#1f9d62', width: 2, points: { show: false } },
          ],
          legend: { live: true },
        },
        data,
        holder,
      );
    },
    destroy() {
      observer.disconnect();
      chart?.destroy();
    },
  };
}
