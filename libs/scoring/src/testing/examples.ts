/**
 * Published worked examples the statistics are checked against (used by the specs only).
 *
 * Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
 * reliability. Psychological Bulletin, 86(2), 420-428. Table 2: 6 targets rated by 4 judges.
 * The same table is the example of NAG's nag_anova_icc (g04gac), whose published results give
 * ICC(1,1) 0.17 with F = BMS / WMS = 1.79 on 5 and 18 degrees of freedom.
 */
export const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];
