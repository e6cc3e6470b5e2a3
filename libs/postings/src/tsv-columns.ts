import { toSimplified } from './chinese-script';

export type Column = 'title' | 'duties' | 'requirements' | 'headcount' | 'location' | 'department';

const SYNONYMS: Record<Column, string[]> = {
  title: [
    '发布职位',
    '岗位',
    '职位',
    '岗位名称',
    '职位名称',
    '招聘岗位',
    '招聘职位',
    'title',
    'position',
    'jobtitle',
    'role',
    'positiontitle',
  ],
  duties: [
    '工作职责',
    '岗位职责',
    '职责',
    '职位描述',
    '岗位描述',
    '工作内容',
    'duties',
    'responsibilities',
    'description',
    'jobdescription',
    'dutiesandresponsibilities',
  ],
  requirements: [
    '任职要求',
    '任职资格',
    '岗位要求',
    '职位要求',
    'requirements',
    'qualifications',
    'requirementsandqualifications',
  ],
  headcount: ['招聘人数', '人数', '需求人数', '招聘名额', 'headcount', 'openings', 'vacancies', 'numberofopenings'],
  location: ['工作地点', '地点', '工作城市', '工作地址', 'location', 'city', 'worklocation'],
  department: ['部门', '所属部门', '用人部门', 'department', 'team'],
};

export const TITLE_NAMES = '发布职位, 岗位, 职位, title, position';
export const DUTY_NAMES = '工作职责, 岗位职责, duties, responsibilities';

/**
 * Words that name a column inside a longer header (`主要工作职责`, `Key Responsibilities`), tried
 * when no header cell is the column's exact name. Order matters: requirements before duties, so
 * `岗位职责要求`… is not read as both.
 */
const PARTIAL: Array<[Column, RegExp]> = [
  ['requirements', /要求|资格|条件|requirement|qualification|skills/],
  ['duties', /职责|工作内容|描述|responsibilit|duties|description/],
  ['title', /职位|岗位|title|position|role/],
  ['headcount', /人数|名额|headcount|openings/],
  ['location', /地点|城市|location|city/],
  ['department', /部门|department/],
];

/** Header cells longer than this are data, never a column name. */
const MAX_HEADER_CHARS = 24;

function keyOf(header: string): string {
  return toSimplified(header.slice(0, MAX_HEADER_CHARS + 8))
    .replace(/[\s*:：_-]/g, '')
    .toLowerCase();
}

function columnOf(header: string): Column | undefined {
  if (header.length > MAX_HEADER_CHARS + 8) return undefined;
  const key = keyOf(header);
  return (Object.keys(SYNONYMS) as Column[]).find((column) => SYNONYMS[column].includes(key));
}

export interface ColumnMap {
  columns: Partial<Record<Column, number>>;
  /** Columns matched by a word inside the header cell, not by its exact name: worth a warning. */
  guessed: Array<{ column: Column; header: string }>;
}

/** Which column holds what, by the header cell names (first match wins for duplicates). */
export function mapColumns(cells: string[]): ColumnMap {
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && columns[column] === undefined) columns[column] = index;
  });
  const guessed: ColumnMap['guessed'] = [];
  cells.forEach((cell, index) => {
    if (Object.values(columns).includes(index) || cell.trim() === '' || cell.length > MAX_HEADER_CHARS) return;
    const key = keyOf(cell);
    const column = PARTIAL.find(([name, pattern]) => columns[name] === undefined && pattern.test(key))?.[0];
    if (column) {
      columns[column] = index;
      guessed.push({ column, header: cell.trim() });
    }
  });
  return { columns, guessed };
}

/**
 * A header row names at least two known columns exactly, or, by words inside its cells, both a
 * title and a duties column while every cell is short, as header cells are.
 */
export function looksLikeHeader(cells: string[]): boolean {
  if (cells.length < 2 || cells.length > 64) return false;
  const exact = cells.filter((cell) => columnOf(cell) !== undefined).length;
  if (exact >= 2) return true;
  if (cells.some((cell) => cell.length > MAX_HEADER_CHARS)) return false;
  const { columns } = mapColumns(cells);
  return columns.title !== undefined && columns.duties !== undefined;
}
