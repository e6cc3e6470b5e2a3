export type PostingLineKind = 'duty' | 'requirement';

export interface PostingSummary {
  id: string;
  title: string;
  department: string | null;
  location: string | null;
  headcount: number | null;
  dutyCount: number;
  requirementCount: number;
  createdAt: string;
}

export interface PostingDetail extends Omit<PostingSummary, 'dutyCount' | 'requirementCount'> {
  duties: string[];
  requirements: string[];
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ImportPostingsResponse {
  format: string;
  warnings: string[];
  items: PostingDetail[];
}
