import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RunResult, TestResult, Verdict } from '@rubricon/sandbox';

export const VERDICTS = ['passed', 'failed', 'error', 'timeout', 'memory', 'crashed'] satisfies Verdict[];

export class TestResultDto implements TestResult {
  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict' })
  verdict: Verdict;

  @ApiProperty()
  passed: boolean;

  @ApiProperty()
  durationMs: number;

  @ApiPropertyOptional({ description: 'JSON text of what solve returned; visible tests only.' })
  output?: string;

  @ApiPropertyOptional()
  error?: string;

  @ApiPropertyOptional({ type: [String], description: 'Captured console lines; visible tests only.' })
  logs?: string[];
}

export class RunResultDto implements RunResult {
  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict', description: "The first non-passed test's verdict, or passed." })
  verdict: Verdict;

  @ApiProperty({ type: [TestResultDto] })
  tests: TestResultDto[];

  @ApiProperty({ description: 'Weighted share of passed tests, 0..1.' })
  score: number;
}
