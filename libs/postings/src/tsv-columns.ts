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

function columnOf(header: string): Column | undefined {
  const key = header.replace(/[\s*:：_-]/g, '').toLowerCase();
  return (Object.keys(SYNONYMS) as Column[]).find((column) => SYNONYMS[column].includes(key));
}

/** Which column holds what, by the header cell names (first match wins for duplicates). */
export function mapColumns(cells: string[]): Partial<Record<Column, number>> {
  const map: Partial<Record<Column, number>> = {};
  cells.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && map[column] === undefined) map[column] = index;
  });
  return map;
}

/** A row that names at least two known columns is a header row (a repeat of it is skipped). */
export function looksLikeHeader(cells: string[]): boolean {
  return Object.keys(mapColumns(cells)).length >= 2;
}
