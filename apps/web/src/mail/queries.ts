import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailLang, MailMessageView, MailSettings, ReminderSettings } from '@rubricon/contracts';
import { api, send } from '../api';
import { attemptKeys } from '../attempts/queries';
import { interviewKeys } from '../interviews/queries';
import { mailKeys, type MailFilter } from './keys';
import { pollForMessages } from './status';

export { mailKeys, type MailFilter };

/** Whether this server sends mail, and as whom. It changes only with the server's configuration. */
export function useMailSettings() {
  return useQuery({
    queryKey: mailKeys.settings,
    queryFn: () => api<MailSettings>('/mail/settings'),
    staleTime: 5 * 60_000,
  });
}

/**
 * The messages about one attempt, interview or candidate, newest first; asked again every few
 * seconds while one is still on its way, and no more once all are sent or given up.
 */
export function useMails(filter: MailFilter, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: mailKeys.list(filter),
    queryFn: () => api<MailMessageView[]>(`/mail?${new URLSearchParams(filter)}`),
    enabled,
    refetchInterval: (query) => pollForMessages(query.state.data),
  });
}

/** Everything a new or re-sent message shows in: mail lists, and the attempt and interview rows' latest mail. */
function useInvalidateMail() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: mailKeys.lists }),
      client.invalidateQueries({ queryKey: attemptKeys.all }),
      client.invalidateQueries({ queryKey: interviewKeys.all }),
    ]);
}

/** The same message again, as a new message (the API refuses a sent link mail: that needs a new link). */
export function useResendMail() {
  const invalidate = useInvalidateMail();
  return useMutation({
    mutationFn: (id: string) => send<MailMessageView>('POST', `/mail/${encodeURIComponent(id)}/resend`),
    onSuccess: invalidate,
  });
}

export function useReminders(assessmentId: string) {
  return useQuery({
    queryKey: mailKeys.reminders(assessmentId),
    queryFn: () => api<ReminderSettings>(`/assessments/${encodeURIComponent(assessmentId)}/reminders`),
  });
}

export function useSetReminders(assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReminderSettings) =>
      send<ReminderSettings>('PUT', `/assessments/${encodeURIComponent(assessmentId)}/reminders`, settings),
    onSuccess: (saved) => client.setQueryData(mailKeys.reminders(assessmentId), saved),
  });
}

/** Mails the candidate-facing explanation of a result, in the language chosen. */
export function useSendExplanation(postingId: string, candidateId: string) {
  const invalidate = useInvalidateMail();
  return useMutation({
    mutationFn: (lang: MailLang) =>
      send<MailMessageView>(
        'POST',
        `/scorecards/postings/${encodeURIComponent(postingId)}/candidates/${encodeURIComponent(candidateId)}/explanation/send`,
        { lang },
      ),
    onSuccess: invalidate,
  });
}
