import type {
  InterviewAuthorRole,
  InterviewNoteView,
  InterviewCandidateQuestion,
  InterviewParticipant,
  InterviewQuestionView,
} from '@rubricon/contracts';
import type { Question } from '@rubricon/generation';
import { questionView } from '../assessments/assessment-view';
import type { InterviewNoteEntity } from './interview-log.entities';
import type { InterviewQuestionEntity } from './interview-question.entity';

/** The panel's view of an interview question: as in an assessment (rubric, probes, visible tests), plus when it was revealed. */
export function staffInterviewQuestion(row: InterviewQuestionEntity, q: Question): InterviewQuestionView {
  const view = questionView(q, []);
  return {
    id: row.id,
    position: row.position,
    kind: view.kind,
    title: view.title,
    prompt: view.prompt,
    minutes: view.minutes,
    competencies: view.competencies,
    rubric: view.rubric,
    probes: view.probes,
    ...(view.coding ? { coding: view.coding } : {}),
    revealedAt: row.revealedAt?.toISOString() ?? null,
  };
}

/**
 * What the candidate sees of a revealed question, built field by field (never by deleting fields):
 * title, prompt and the visible examples. No rubric, probe, hidden test or solution.
 */
export function candidateInterviewQuestion(row: InterviewQuestionEntity, q: Question): InterviewCandidateQuestion {
  const view: InterviewCandidateQuestion = {
    id: row.id,
    position: row.position,
    kind: q.kind,
    title: q.title,
    prompt: q.prompt,
  };
  if (q.kind === 'coding')
    view.coding = {
      examples: q.examples.map((e) => ({
        input: e.input,
        expected: e.expected,
        ...(e.explanation ? { explanation: e.explanation } : {}),
      })),
    };
  return view;
}

/** Colours for people in the room, cursors and replay: the candidate's first, then the panel in order. */
const COLOURS = ['#d4380d', '#1677ff', '#389e0d', '#722ed1', '#c41d7f', '#08979c', '#d48806'];

/** Starter code and other changes the server makes: grey, nobody's colour. */
const SYSTEM_COLOUR = '#8c8c8c';

export const CANDIDATE_ID = 'candidate';
export const SYSTEM_ID = 'system';

export function participant(
  id: string,
  name: string,
  role: InterviewAuthorRole,
  panelPosition = -1,
): InterviewParticipant {
  const colour =
    role === 'system'
      ? SYSTEM_COLOUR
      : role === 'candidate'
        ? COLOURS[0]
        : COLOURS[1 + (Math.max(0, panelPosition) % (COLOURS.length - 1))];
  return { id, name, role, colour };
}

export function noteView(note: InterviewNoteEntity, authorName: string): InterviewNoteView {
  return {
    authorId: note.userId,
    authorName,
    body: note.body,
    shared: note.shared,
    updatedAt: note.updatedAt.toISOString(),
  };
}
