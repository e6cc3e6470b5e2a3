import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AnswerEntity } from '../attempts/answer.entity';
import { AttemptEntity } from '../attempts/attempt.entity';
import { Database } from '../database/database';

@Injectable()
export class GradingRepository {
  constructor(private readonly db: Database) {}

  attempt(attemptId: string): Promise<AttemptEntity | null> {
    return this.db.run((m) => m.findOneBy(AttemptEntity, { id: attemptId }));
  }

  answers(attemptId: string): Promise<AnswerEntity[]> {
    return this.db.run((m) => m.findBy(AnswerEntity, { attemptId }));
  }

  /** Submitted attempts not graded yet, oldest submission first. */
  async ungraded(limit: number): Promise<string[]> {
    const rows = await this.db.run((m) =>
      m.find(AttemptEntity, {
        select: { id: true },
        where: { status: 'submitted', gradedAt: IsNull() },
        order: { submittedAt: 'ASC' },
        take: limit,
      }),
    );
    return rows.map((r) => r.id);
  }

  /** The answers' grades and the attempt's score together; an attempt graded already keeps its first grade. */
  async saveGrades(attemptId: string, grades: { answerId: string; grading: string }[], autoScore: number | null) {
    await this.db.transaction((tx) =>
      tx.run(async (m) => {
        const claimed = await m.update(
          AttemptEntity,
          { id: attemptId, gradedAt: IsNull() },
          { gradedAt: new Date(), autoScore },
        );
        if (!claimed.affected) return;
        for (const g of grades) await m.update(AnswerEntity, { id: g.answerId }, { grading: g.grading });
      }),
    );
  }
}
