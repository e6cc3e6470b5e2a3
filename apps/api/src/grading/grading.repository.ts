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
    // A raw select: `find` with `take` builds its column list afresh on every call, a cost this sweep
    // need not pay.
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(AttemptEntity, 'a')
        .select('a.id', 'id')
        .where('a.status = :status AND a.gradedAt IS NULL', { status: 'submitted' })
        .orderBy('a.submittedAt', 'ASC')
        .limit(limit)
        .getRawMany<{ id: string }>(),
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
