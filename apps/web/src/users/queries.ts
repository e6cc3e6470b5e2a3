import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffRole, StaffUser } from '@rubricon/contracts';
import { api, send } from '../api';
import { meKey } from '../auth/session';

const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: () => api<StaffUser[]>('/users') });
}

export interface NewUser {
  name: string;
  email: string;
  role: StaffRole;
  password: string;
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => send<StaffUser>('POST', '/users', user),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export type UserChanges = Partial<{ name: string; role: StaffRole; password: string; active: boolean }>;

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) =>
      send<StaffUser>('PATCH', `/users/${id}`, changes),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: usersKey });
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}
