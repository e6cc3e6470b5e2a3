import { theme } from 'antd';
import { BarChart, RadarChart, type BarSeriesOption, type RadarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { MAX_LEVEL, MIN_LEVEL } from '@rubricon/contracts';
import { useLang } from '../i18n/lang';
import { formatBand, formatScore } from './numbers';

// Only what these charts draw, so the staff app's scorecard chunk stays small; SVG prints sharply.
// No animation: a chart is printed or captured as soon as it is drawn, never half-grown.
echarts.use([BarChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<
  | BarSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

/**
 * One chart: an image to assistive technology, named by `label` (each chart sits beside a table or a
 * list with the same figures). `width` fixes the width for print, where the page is narrower than the screen.
 */
function Chart({ option, label, height, width }: { option: Option; label: string; height: number; width?: number }) {
  return (
    <div role="img" aria-label={label} className="sc-chart" style={{ width: width ?? '100%', maxWidth: '100%' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg', width: width ?? undefined }}
        style={{ height, width: width ?? '100%' }}
      />
    </div>
  );
}

const FONT =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** Candidates per half-level band of the total. */
export function DistributionChart({
  bins,
  label,
  xName,
  yName,
  width,
}: {
  bins: { from: number; to: number; count: number }[];
  label: string;
  xName: string;
  yName: string;
  width?: number;
}) {
  const { token } = theme.useToken();
  const [lang] = useLang();
  const names = bins.map((b) => formatBand(lang, b));
  const option: Option = {
    animation: false,
    textStyle: { fontFamily: FONT, color: token.colorText },
    grid: { left: 48, right: 16, top: 32, bottom: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Every band labelled: a histogram whose every other bar is unnamed is hard to read.
    xAxis: {
      type: 'category',
      data: names,
      name: xName,
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', name: yName, minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: yName,
        data: bins.map((b) => b.count),
        itemStyle: { color: token.colorPrimary },
        label: { show: true, position: 'top' },
        barCategoryGap: '10%',
      },
    ],
  };
  return <Chart option={option} label={label} height={280} width={width} />;
}

/** Mean (or one candidate's) score per competency, as horizontal bars on the 1-5 scale. */
export function CompetencyBars({
  items,
  label,
  name,
  width,
}: {
  items: { label: string; value: number | null }[];
  label: string;
  name: string;
  width?: number;
}) {
  const { token } = theme.useToken();
  const [lang] = useLang();
  const option: Option = {
    animation: false,
    textStyle: { fontFamily: FONT, color: token.colorText },
    grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0, max: MAX_LEVEL, interval: 1 },
    // Long competency names are cut short beside the bars; the tooltip and the table beside the chart have them whole.
    yAxis: {
      type: 'category',
      data: items.map((i) => i.label),
      inverse: true,
      axisLabel: { width: 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name,
        data: items.map((i) => i.value),
        itemStyle: { color: token.colorPrimary },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) => formatScore(lang, typeof p.value === 'number' ? p.value : null),
        },
      },
    ],
  };
  return <Chart option={option} label={label} height={Math.max(120, 40 + items.length * 30)} width={width} />;
}

const PALETTE = ['#1d4ed8', '#c2410c', '#047857', '#7c3aed'];

/** Several candidates' competency scores on one radar (the comparison). */
export function CompetencyRadar({
  competencies,
  series,
  label,
  width,
}: {
  competencies: string[];
  series: { name: string; values: (number | null)[] }[];
  label: string;
  width?: number;
}) {
  const { token } = theme.useToken();
  const option: Option = {
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: FONT, color: token.colorText },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: series.map((s) => s.name) },
    radar: {
      indicator: competencies.map((name) => ({ name, min: MIN_LEVEL - 1, max: MAX_LEVEL })),
      radius: '62%',
      center: ['50%', '46%'],
      axisName: { color: token.colorText },
    },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })),
        areaStyle: { opacity: 0.08 },
      },
    ],
  };
  return <Chart option={option} label={label} height={380} width={width} />;
}
