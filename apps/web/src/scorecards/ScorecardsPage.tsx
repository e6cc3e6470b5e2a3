import { PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { MAX_COMPARED, type RankingRow, type RankingSort } from '@rubricon/contracts';
import { Button, Flex, Input, Select, Table, Tabs, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { pick } from '../assessments/text';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { usePostings } from '../postings/queries';
import { PageError } from '../shell/PageState';
import { useFilterParams } from '../shell/filter-params';
import { usePageTitle } from '../shell/page-title';
import { AgreementPanel } from './AgreementPanel';
import { ChartsPanel } from './ChartsPanel';
import { DownloadButton, FlagTags, MiniProfile, RecommendationSummary, ScrollRegion } from './labels';
import { formatPercent100, formatScore } from './numbers';
import { comparePath, printPath, rankingPath, scorecardPath } from './paths';
import {
  candidatesParam,
  postingPath,
  rankingQuery,
  useChosenPosting,
  useRanking,
  type RankingParams,
  type SortOrder,
} from './queries';
import './scorecards.css';

const SORTS: RankingSort[] = ['total', 'name', 'submitted', 'flags'];
/** Up to this many competencies, each has a column of its own in the ranking. */
const MAX_COMPETENCY_COLUMNS = 2;
const TABS = ['ranking', 'charts', 'agreement'] as const;
type Tab = (typeof TABS)[number];

/**
 * Scorecards of one posting: pick the posting, then its ranking (sorted, filtered and paged by the
 * server, the filters kept in the address), the distribution and competency profile, rater agreement.
 */
export function ScorecardsPage() {
  const postingId = useParams().postingId;
  const { t } = useTranslation('scorecards');
  const navigate = useNavigate();
  const { params, update } = useFilterParams();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'ranking';
  const posting = useChosenPosting(postingId);
  usePageTitle(posting.data && postingId ? `${t('title')}: ${posting.data.title}` : t('title'));

  return (
    <section aria-labelledby="scorecards-title">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title id="scorecards-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('title')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <PostingPicker
          value={postingId}
          currentTitle={posting.data?.title}
          onChange={(id) => void navigate(rankingPath(id))}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{postingId ? t('hint') : t('pickHint')}</Typography.Paragraph>
      {postingId && (
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            update({ tab: key === 'ranking' ? undefined : key, page: params.get('page') ?? undefined })
          }
          items={[
            { key: 'ranking', label: t('tabs.ranking'), children: <Ranking postingId={postingId} /> },
            { key: 'charts', label: t('tabs.charts'), children: <ChartsPanel postingId={postingId} /> },
            { key: 'agreement', label: t('tabs.agreement'), children: <AgreementPanel postingId={postingId} /> },
          ]}
        />
      )}
    </section>
  );
}

/** A searchable posting Select; searching asks the server, so postings beyond the first hundred are found. */
function PostingPicker({
  value,
  currentTitle,
  onChange,
}: {
  value: string | undefined;
  currentTitle: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation('scorecards');
  const [search, setSearch] = useState('');
  const postings = usePostings({ search, page: 1, pageSize: 100 });
  const options = (postings.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));
  if (value && currentTitle && !options.some((o) => o.value === value)) options.unshift({ value, label: currentTitle });
  return (
    <Select<string>
      aria-label={t('posting')}
      placeholder={t('choosePosting')}
      style={{ width: 320 }}
      value={value}
      loading={postings.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(id) => {
        setSearch('');
        onChange(id);
      }}
      options={options}
    />
  );
}

function useRankingParams(): RankingParams {
  const { params, page, pageSize } = useFilterParams();
  const flagged = params.get('flagged');
  return {
    sort: SORTS.find((s) => s === params.get('sort')) ?? 'total',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    flagged: flagged === 'true' ? true : flagged === 'false' ? false : undefined,
    search: params.get('search') ?? '',
    page,
    pageSize,
  };
}

function Ranking({ postingId }: { postingId: string }) {
  const { t } = useTranslation('scorecards');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const navigate = useNavigate();
  const { update } = useFilterParams();
  const rankingParams = useRankingParams();
  const ranking = useRanking(postingId, rankingParams);
  // The candidates chosen to compare or print, kept in the address: across pages, and back from the comparison.
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = candidatesParam(searchParams.get('selected')).slice(0, MAX_COMPARED);
  const choose = (id: string, on: boolean) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        const ids = on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id);
        if (ids.length) next.set('selected', ids.slice(0, MAX_COMPARED).join(','));
        else next.delete('selected');
        return next;
      },
      { replace: true },
    );
  const competencyIds = Object.keys(ranking.data?.competencyLabels ?? {});
  const sortOrder = (key: RankingSort) =>
    rankingParams.sort === key ? (rankingParams.order === 'asc' ? 'ascend' : 'descend') : null;

  const onSort = (sorter: SorterResult<RankingRow>) => {
    const key = SORTS.find((s) => s === sorter.columnKey);
    if (!key || !sorter.order) return update({ sort: undefined, order: undefined });
    const order: SortOrder = sorter.order === 'ascend' ? 'asc' : 'desc';
    update({ sort: key, order });
  };

  return (
    <>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Select<'' | 'true' | 'false'>
          aria-label={t('ranking.flagFilter')}
          style={{ width: 180 }}
          value={rankingParams.flagged === undefined ? '' : (String(rankingParams.flagged) as 'true' | 'false')}
          onChange={(value) => update({ flagged: value || undefined })}
          options={[
            { value: '', label: t('ranking.flaggedAll') },
            { value: 'true', label: t('ranking.flaggedOnly') },
            { value: 'false', label: t('ranking.unflagged') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('ranking.search')}
          aria-label={t('ranking.search')}
          style={{ width: 260 }}
          defaultValue={rankingParams.search}
          onSearch={(value) => update({ search: value.trim() || undefined })}
          onChange={(e) => {
            if (e.target.value === '' && rankingParams.search) update({ search: undefined });
          }}
        />
        <span style={{ flex: 1 }} />
        <Button
          icon={<SwapOutlined />}
          disabled={chosen.length === 0}
          onClick={() => void navigate(comparePath(postingId, chosen))}
        >
          {t('ranking.compare', { count: chosen.length })}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          disabled={chosen.length === 0}
          onClick={() => void navigate(printPath(postingId, chosen))}
        >
          {t('ranking.print', { count: chosen.length })}
        </Button>
        <DownloadButton
          path={`${postingPath(postingId)}/ranking.csv?${rankingQuery(rankingParams, { paged: false })}`}
          fileName="ranking.csv"
          label={t('ranking.exportCsv')}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('ranking.selectHint', { max: MAX_COMPARED })}
      </Typography.Paragraph>
      {ranking.error ? (
        <PageError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <ScrollRegion label={t('ranking.title')}>
          <Table<RankingRow>
            rowKey={(row) => row.candidate.id}
            aria-label={t('ranking.title')}
            loading={ranking.isFetching}
            dataSource={ranking.data?.items}
            locale={{ emptyText: t('ranking.none') }}
            onRow={(row) =>
              ({
                'data-testid': 'ranking-row',
                'data-candidate': row.candidate.id,
              }) as React.HTMLAttributes<HTMLElement>
            }
            rowSelection={{
              selectedRowKeys: chosen,
              preserveSelectedRowKeys: true,
              hideSelectAll: true,
              getCheckboxProps: (row) => ({
                disabled: row.withheld || (!chosen.includes(row.candidate.id) && chosen.length >= MAX_COMPARED),
                'aria-label': t('ranking.select', { name: row.candidate.name }),
              }),
              onSelect: (row, isSelected) => choose(row.candidate.id, isSelected),
            }}
            onChange={(pagination, _filters, sorter, extra) => {
              if (extra.action === 'sort') onSort(Array.isArray(sorter) ? sorter[0] : sorter);
              else if (extra.action === 'paginate')
                update({ page: String(pagination.current ?? 1), size: String(pagination.pageSize ?? 20) });
            }}
            pagination={{
              current: rankingParams.page,
              pageSize: rankingParams.pageSize,
              total: ranking.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => common('total', { count: total }),
            }}
            columns={[
              {
                title: t('ranking.rank'),
                key: 'rank',
                align: 'right',
                width: 72,
                render: (_, row) => (row.rank == null ? '—' : formatNumber(lang, row.rank)),
              },
              {
                title: t('ranking.candidate'),
                key: 'name',
                width: 200,
                sorter: true,
                sortOrder: sortOrder('name'),
                render: (_, row) => (
                  <>
                    {row.withheld ? (
                      row.candidate.name
                    ) : (
                      <Link to={scorecardPath(postingId, row.candidate.id)}>{row.candidate.name}</Link>
                    )}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.candidate.email}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('ranking.total'),
                key: 'total',
                sorter: true,
                sortOrder: sortOrder('total'),
                align: 'right',
                render: (_, row) =>
                  row.withheld ? (
                    <Tooltip title={t('ranking.withheldHint')}>
                      <Typography.Text type="secondary" data-testid="withheld" tabIndex={0}>
                        {t('ranking.withheld')}
                      </Typography.Text>
                    </Tooltip>
                  ) : row.total == null ? (
                    <Typography.Text type="secondary">{t('noScore')}</Typography.Text>
                  ) : (
                    <span style={{ whiteSpace: 'nowrap' }} data-testid="total">
                      <strong>{formatScore(lang, row.total)}</strong> ({formatPercent100(lang, row.percent)})
                    </span>
                  ),
              },
              // A few competencies get a column each; more would push the table far past the screen,
              // so they share one column with a small profile per candidate (the figures in its tooltip).
              ...(competencyIds.length <= MAX_COMPETENCY_COLUMNS
                ? competencyIds.map((id) => ({
                    title: pick(ranking.data!.competencyLabels[id], lang),
                    key: `competency-${id}`,
                    align: 'right' as const,
                    width: 96,
                    render: (_: unknown, row: RankingRow) =>
                      row.withheld ? '' : formatScore(lang, row.competencies[id]),
                  }))
                : [
                    {
                      title: t('ranking.competencies'),
                      key: 'competencies',
                      render: (_: unknown, row: RankingRow) =>
                        row.withheld ? (
                          ''
                        ) : (
                          <MiniProfile
                            items={competencyIds.map((id) => ({
                              label: pick(ranking.data!.competencyLabels[id], lang),
                              value: row.competencies[id] ?? null,
                            }))}
                          />
                        ),
                    },
                  ]),
              {
                title: <Tooltip title={t('ranking.ratersHint')}>{t('ranking.raters')}</Tooltip>,
                key: 'submitted',
                sorter: true,
                sortOrder: sortOrder('submitted'),
                align: 'right',
                render: (_, row) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {t('ranking.ratersValue', {
                      submitted: formatNumber(lang, row.ratersSubmitted),
                      assigned: formatNumber(lang, row.ratersAssigned),
                    })}
                  </span>
                ),
              },
              {
                title: t('ranking.recommendations'),
                key: 'recommendations',
                render: (_, row) =>
                  row.withheld ? '' : <RecommendationSummary counts={row.recommendations} vertical />,
              },
              {
                title: t('ranking.flags'),
                key: 'flags',
                sorter: true,
                sortOrder: sortOrder('flags'),
                render: (_, row) => <FlagTags flags={row.flags} vertical />,
              },
            ]}
          />
        </ScrollRegion>
      )}
    </>
  );
}
