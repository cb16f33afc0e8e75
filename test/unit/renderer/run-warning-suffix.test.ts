import { describe, expect, it } from 'vitest';
import { findModel } from '../../../src/shared/models';
import { mostlyTied, noInteractionsCounted } from '../../../src/main/services/run-warnings';
import { warningDetails, warningSuffix } from '../../../src/renderer/src/ui/RunWarnings';

const kredDefaults = findModel('kred')!.params.parse({}) as Record<string, unknown>;

describe('warningSuffix: a run\'s warnings after its label in a menu option or checkbox', () => {
  it('names Kred on an edge-only dataset as ignoring every interaction and mostly tied, in lower case after a ⚠', () => {
    // Kred on the Congress edge list: no kind it counts is present, so all 475 accounts score 1.
    const ignored = noInteractionsCounted('kred', kredDefaults, ['edge'])!;
    const tied = mostlyTied(new Float64Array(475).fill(1), 'kred', kredDefaults, true)!;
    expect(warningSuffix([ignored, tied])).toBe(' ⚠ no interactions counted, most accounts tie');
    expect(warningDetails([ignored, tied])).toBe(`No interactions counted: ${ignored.message}\n\nMost accounts tie: ${tied.message}`);
  });

  it('adds nothing for a run without warnings or one stored before warnings were kept', () => {
    expect(warningSuffix([])).toBe('');
    expect(warningSuffix(null)).toBe('');
  });
});
