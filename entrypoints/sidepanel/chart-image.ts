import type { Chart } from '@/src/protocol/chart';
import { palette } from '../shared/charts/palette';
import { chartCaption, formatChartValue } from './chart-format';

const padding = 16;
const lineHeight = 20;

/**
 * The chart as a PNG for "Copy chart as image": its title, the drawing (the uPlot canvas of a line chart, or the bars
 * of a bar chart drawn again here), and the caption with source, range and time, on the theme's surface colour.
 */
export async function chartImage(chart: Chart, plotCanvas: HTMLCanvasElement | null, root: HTMLElement = document.documentElement): Promise<Blob> {
  const style = getComputedStyle(root);
  const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const ratio = window.devicePixelRatio || 1;
  const width = plotCanvas ? plotCanvas.width / ratio + padding * 2 : 420;
  const bodyHeight = plotCanvas ? plotCanvas.height / ratio : chart.kind === 'bar' ? chart.categories.length * chart.series.length * lineHeight + lineHeight : 0;
  const height = padding * 2 + lineHeight * 3 + bodyHeight;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas available.');
  context.scale(ratio, ratio);
  context.fillStyle = color('--surface', '#ffffff');
  context.fillRect(0, 0, width, height);
  context.fillStyle = color('--text', '#16181b');
  context.font = `600 14px ${color('--font', 'sans-serif')}`;
  context.fillText(chart.title, padding, padding + 14);
  const top = padding + lineHeight * 1.5;
  if (plotCanvas) context.drawImage(plotCanvas, padding, top, plotCanvas.width / ratio, plotCanvas.height / ratio);
  else if (chart.kind === 'bar') drawBars(context, chart, top, width, (index) => color(palette[index % palette.length] ?? '--accent', '#2b56c9'), color('--text', '#16181b'));
  context.fillStyle = color('--text-muted', '#586170');
  context.font = `11px ${color('--font', 'sans-serif')}`;
  context.fillText(chartCaption(chart), padding, height - padding, width - padding * 2);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => { if (blob) resolve(blob); else reject(new Error('The chart could not be turned into an image.')); }, 'image/png');
  });
}

function drawBars(context: CanvasRenderingContext2D, chart: Extract<Chart, { kind: 'bar' }>, top: number, width: number, seriesColor: (index: number) => string, text: string): void {
  const largest = Math.max(1e-9, ...chart.series.flatMap((series) => series.values.map((value) => Math.abs(value ?? 0))));
  const labelWidth = 120;
  const valueWidth = 70;
  const track = width - padding * 2 - labelWidth - valueWidth;
  context.font = '12px sans-serif';
  let y = top;
  chart.categories.forEach((category, index) => {
    chart.series.forEach((series, position) => {
      const value = series.values[index] ?? null;
      context.fillStyle = text;
      if (position === 0) context.fillText(category, padding, y + 13, labelWidth - 8);
      context.fillStyle = seriesColor(position);
      context.fillRect(padding + labelWidth, y + 4, (Math.abs(value ?? 0) / largest) * track, 12);
      context.fillStyle = text;
      context.fillText(formatChartValue(chart.unit, value), padding + labelWidth + track + 6, y + 14);
      y += lineHeight;
    });
  });
}
