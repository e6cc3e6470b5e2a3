import { Column, Entity, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { InterviewEntity } from './interview.entity';

/** A staff user on an interview's panel: only they may join its room as an interviewer. */
@Entity('interview_panel')
export class InterviewPanelEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  interviewId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => InterviewEntity, (i) => i.panel, { onDelete: 'CASCADE' })
  interview: Relation<InterviewEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  user: Relation<UserEntity>;

  /** Order on the panel; it picks the member's colour in the room and in replay. */
  @Column({ type: 'int' })
  position: number;
}
