import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('csv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvRow(['a', 1, null, 'x,y', 'say "hi"', 'two\nlines'])).toBe('a,1,,"x,y","say ""hi""","two\nlines"\r\n');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(['dana'])).toBe('"[""dana""]"');
  });
});
