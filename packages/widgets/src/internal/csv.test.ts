import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what must be quoted, defuses formulas and starts with a byte-order mark', () => {
    const text = toCsv([
      ['指标', '值'],
      ['a, b', 'say "hi"'],
      ['=HYPERLINK("http://x")', -3],
      ['+1', null],
      ['two\nlines', 91.9],
    ]);
    expect(text).toBe('\uFEFF指标,值\r\n"a, b","say ""hi"""\r\n"\'=HYPERLINK(""http://x"")",-3\r\n\'+1,\r\n"two\nlines",91.9\r\n');
  });
});
