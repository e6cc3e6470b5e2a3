export const STAFF_ROLES = ['admin', 'hr', 'interviewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface LoginResponse {
  accessToken: string;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  createdAt: string;
}
