import fc from 'fast-check';
import { parsePostingsDocument, type ParsedDocument, type ParseWarningCode } from './index';
import {
  comparable,
  documentArb,
  documentStyleArb,
  expectedPostings,
  expectedSkips,
  noiseArb,
  render,
  type DocumentModel,
  type DocumentNoise,
  type DocumentStyle,
  type Layout,
  type RenderedDocument,
} from './testing/posting-documents';

/** Parses a rendered document; a failed expectation inside `check` gets the document appended. */
function roundTrip(rendered: RenderedDocument, check: (parsed: ParsedDocument) => void): void {
  try {
    check(parsePostingsDocument(rendered));
  } catch (error) {
    if (error instanceof Error) error.message += `\n\n--- ${rendered.filename} ---\n${rendered.content}\n---`;
    throw error;
  }
}

/** Lines that came back more than once anywhere in the document (a line must land in one place). */
function repeatedLines(parsed: ParsedDocument): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const posting of parsed.postings)
    for (const line of [...posting.duties, ...posting.requirements]) {
      if (seen.has(line)) repeated.push(line);
      seen.add(line);
    }
  return repeated;
}

const warningsOf = (parsed: ParsedDocument, code: ParseWarningCode) => parsed.warnings.filter((w) => w.code === code);

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200) };

describe(`${parsePostingsDocument.name} round trip of generated postings`, () => {
  // TSV cells carry no sub-headings: its models are flattened (see documentArb({ groups: false })).
  it.each<Layout>(['txt', 'markdown', 'html', 'tsv'])(
    '%s: every duty and requirement line comes back once, in its posting and list, sub-headings as groups',
    (layout) => {
      const property = fc.property(
        documentArb({ groups: layout !== 'tsv' }),
        documentStyleArb,
        (doc: DocumentModel, style: DocumentStyle) =>
          roundTrip(render(layout, doc, style), (parsed) => {
            expect(parsed.postings.map(comparable)).toEqual(expectedPostings(doc));
            expect(repeatedLines(parsed)).toEqual([]);
            expect(warningsOf(parsed, 'line-not-placed')).toEqual([]);
          }),
      );
      fc.assert(property, RUNS);
    },
  );

  /** The noise property for `layouts`; `laterHeads`: intros and benefits also before later postings' duties. */
  const withNoise = (layouts: Layout[], laterHeads: boolean, title: string) =>
    it.each(layouts)(`%s with ${title}: the same lines come back, the rest is warned about`, (layout) => {
      const property = fc.property(
        documentArb(),
        documentStyleArb,
        noiseArb({ laterHeads }),
        (doc: DocumentModel, style: DocumentStyle, noise: DocumentNoise) =>
          roundTrip(render(layout, doc, style, noise), (parsed) => {
            const skips = expectedSkips(doc, noise);
            expect(parsed.postings.map(comparable)).toEqual(expectedPostings(doc));
            expect(repeatedLines(parsed)).toEqual([]);
            expect(warningsOf(parsed, 'line-not-placed')).toEqual([]);
            // Nothing dropped silently: one warning per intro paragraph and per benefits section.
            expect(warningsOf(parsed, 'intro-skipped')).toHaveLength(skips.intros);
            expect(warningsOf(parsed, 'section-skipped')).toHaveLength(skips.sections);
          }),
      );
      fc.assert(property, RUNS);
    });

  withNoise(['txt', 'markdown', 'html'], false, 'an intro, benefits sections, stray blank lines and trailing spaces');
  // A later posting's title followed by an intro or a benefits section rather than its duties: in
  // TXT the title line is all that separates it from the previous posting's last list.
  withNoise(['txt', 'markdown', 'html'], true, 'an intro or benefits between a later title and its duties');
});
